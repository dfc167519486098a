using Microsoft.Extensions.DependencyInjection;
using SalesBridge.CrmSettings;
using SalesBridge.Notes;
using SalesBridge.Persistence;
using SalesBridge.WriteBack;

namespace SalesBridge.Benchmarks.Scenarios.WriteBack;

/// <summary>
/// Puts many notes with <i>Copy to CRM</i> and their outbox rows into the database at once, as the AddNote use case
/// commits them but without 10,000 single-row transactions and without waking the worker — the backlog a worker meets
/// after an outage.
/// </summary>
internal static class QueuedNotes
{
    public static async Task<List<Guid>> AddAsync(IServiceProvider services, WriteBackWorkspace workspace, int count, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>(count);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(1_000))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<WriteBackOutbox>();
            var now = DateTimeOffset.UtcNow;
            foreach (var i in chunk)
            {
                var personId = workspace.MatchedPeople[i % workspace.MatchedPeople.Count];
                var note = new Note
                {
                    ContractId = workspace.ContractId, AuthorId = workspace.Seller.UserId, PersonId = personId, CopyToCrm = true,
                    Text = $"Bench note {i}: called about the renewal, sends the signed order next week.", CreatedAt = now, UpdatedAt = now,
                };
                db.Notes.Add(note);
                outbox.Add(workspace.ContractId, WriteBackItemKind.Note, note.Id, workspace.Seller.UserId, personId, null, threadId: null);
                ids.Add(note.Id);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return ids;
    }
}
