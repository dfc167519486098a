using Microsoft.EntityFrameworkCore;
using SalesBridge.Conversations;
using SalesBridge.CrmSettings;
using SalesBridge.Persistence;

namespace SalesBridge.WriteBack;

/// <summary>What an item says and when, as its activity shows it: subject, text, time and direction.</summary>
internal sealed record ActivityContent(string Title, string Text, DateTimeOffset HappenedAt, MessageDirection Direction, string? About);

/// <summary>Reads the items of one batch in three queries (notes, messages, the people and companies they are about).</summary>
internal static class ActivityContents
{
    public static async Task<Dictionary<Guid, ActivityContent>> LoadAsync(SalesBridgeDbContext db, Guid contractId, IReadOnlyCollection<WriteBackItem> items,
        CancellationToken cancellationToken)
    {
        var noteIds = items.Where(i => i.Kind == WriteBackItemKind.Note).Select(i => i.ItemId).ToList();
        var messageIds = items.Where(i => i.Kind != WriteBackItemKind.Note).Select(i => i.ItemId).ToList();
        var notes = await db.Notes.AsNoTracking().Where(n => n.ContractId == contractId && noteIds.Contains(n.Id))
            .Select(n => new { n.Id, n.Text, n.CreatedAt }).ToDictionaryAsync(n => n.Id, cancellationToken);
        var messages = await db.ConversationMessages.AsNoTracking().Where(m => m.ContractId == contractId && messageIds.Contains(m.Id))
            .Join(db.Conversations, m => m.ConversationId, c => c.Id, (m, c) => new { m.Id, m.Body, m.SentAt, m.Direction, m.Kind, c.Subject })
            .ToDictionaryAsync(m => m.Id, cancellationToken);

        var personIds = items.Where(i => i.PersonId is not null).Select(i => i.PersonId!.Value).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => p.ContractId == contractId && personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.Title, CompanyName = p.Company != null ? p.Company.Name : p.CompanyName })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var companyIds = items.Where(i => i.PersonId is null && i.CompanyId is not null).Select(i => i.CompanyId!.Value).Distinct().ToList();
        var companies = await db.Companies.AsNoTracking().Where(c => c.ContractId == contractId && companyIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        string? About(WriteBackItem item) => item.PersonId is { } personId && people.TryGetValue(personId, out var person)
            ? Describe($"{person.FirstName} {person.LastName}".Trim(), person.Title, person.CompanyName)
            : item.CompanyId is { } companyId && companies.TryGetValue(companyId, out var company) ? company : null;
        string Name(WriteBackItem item) => item.PersonId is { } personId && people.TryGetValue(personId, out var person)
            ? $"{person.FirstName} {person.LastName}".Trim()
            : item.CompanyId is { } companyId && companies.TryGetValue(companyId, out var company) ? company : "unknown";

        var contents = new Dictionary<Guid, ActivityContent>();
        foreach (var item in items)
        {
            if (item.Kind == WriteBackItemKind.Note)
            {
                if (notes.TryGetValue(item.ItemId, out var note))
                {
                    contents[item.ItemId] = new ActivityContent($"Note on {Name(item)}: {FirstLine(note.Text)}", note.Text, note.CreatedAt,
                        MessageDirection.Outbound, About(item));
                }
                continue;
            }
            if (messages.TryGetValue(item.ItemId, out var message))
            {
                var what = message.Kind == MessageKind.InMail ? "InMail" : "Message";
                var way = message.Direction == MessageDirection.Outbound ? "to" : "from";
                contents[item.ItemId] = new ActivityContent($"{what} {way} {Name(item)}: {message.Subject}", message.Body, message.SentAt,
                    message.Direction, About(item));
            }
        }
        return contents;
    }

    private static string Describe(string name, string? title, string? company) =>
        (title, company) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) => $"{name}, {title} at {company}",
            ({ Length: > 0 }, _) => $"{name}, {title}",
            (_, { Length: > 0 }) => $"{name}, {company}",
            _ => name,
        };

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 80 ? line : line[..79] + "…";
    }
}
