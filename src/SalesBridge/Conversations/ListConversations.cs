using System.ComponentModel.DataAnnotations;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.PeopleDirectory;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Conversations;

/// <summary>The caller's inbox: their threads, the one with the latest message first; searchable by the person's name or the subject.</summary>
public sealed class ListConversations(SalesBridgeDbContext db) : IUseCase
{
    public sealed record Request : PageRequest
    {
        [StringLength(DirectorySearchText.MaxTermLength, ErrorMessage = "query must be at most 100 characters.")]
        public string? Query { get; init; }

        /// <summary>Only the threads with this person (the person page's panel).</summary>
        public Guid? PersonId { get; init; }
    }

    private sealed record Row(
        Guid Id, Guid PersonId, string PersonName, string? PersonTitle, string? PersonCompanyName, string Subject,
        string? LastBody, DateTimeOffset LastMessageAt, int MessageCount, MessageKind? FirstKind);

    public async Task<Page<ConversationSummary>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireSeat();
        var conversations = db.ConversationsOf(caller);
        foreach (var term in DirectorySearchText.Terms(request.Query))
        {
            // The person's search text is folded already; subjects are compared in lower case.
            conversations = conversations.Where(conversation =>
                conversation.Person.SearchText.Contains(term) || conversation.Subject.ToLower().Contains(term));
        }

        if (request.PersonId is { } personId)
        {
            conversations = conversations.Where(conversation => conversation.PersonId == personId);
        }

        var rows = await conversations
            .OrderByDescending(conversation => conversation.LastMessageAt).ThenByDescending(conversation => conversation.Id)
            .Select(conversation => new Row(conversation.Id, conversation.PersonId,
                conversation.Person.FirstName + " " + conversation.Person.LastName, conversation.Person.Title, conversation.Person.CompanyName,
                conversation.Subject,
                conversation.Messages.OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).Select(m => m.Body).FirstOrDefault(),
                conversation.LastMessageAt,
                conversation.Messages.Count,
                conversation.Messages.OrderBy(m => m.SentAt).ThenBy(m => m.Id).Select(m => (MessageKind?)m.Kind).FirstOrDefault()))
            .ToPageAsync(request, cancellationToken);
        var items = rows.Items.Select(row => new ConversationSummary(row.Id, row.PersonId, row.PersonName, row.PersonTitle,
            row.PersonCompanyName, row.Subject, ConversationSummary.Excerpt(row.LastBody ?? ""), row.LastMessageAt, row.MessageCount,
            row.FirstKind ?? MessageKind.Message)).ToList();
        return new Page<ConversationSummary>(items, rows.PageNumber, rows.PageSize, rows.TotalCount);
    }
}
