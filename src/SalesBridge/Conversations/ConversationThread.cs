using System.Linq.Expressions;
using SalesBridge.Persistence;
using SalesBridge.WriteBackReports;

namespace SalesBridge.Conversations;

/// <summary>A conversation with all its messages, oldest first.</summary>
public sealed record ConversationThread(
    Guid Id,
    Guid PersonId,
    string PersonName,
    string? PersonTitle,
    string? PersonCompanyName,
    string Subject,
    DateTimeOffset StartedAt,
    DateTimeOffset LastMessageAt,
    IReadOnlyList<MessageDetails> Messages)
{
    /// <summary>The thread with each message's CRM state, read in one query for all its messages.</summary>
    internal async Task<ConversationThread> WithCrmAsync(SalesBridgeDbContext db, Guid contractId, CancellationToken cancellationToken)
    {
        var states = await ItemCrmStates.LoadAsync(db, contractId, Messages.Select(m => m.Id).ToList(), cancellationToken);
        return this with { Messages = Messages.Select(m => m.WithCrm(states)).ToList() };
    }

    internal static readonly Expression<Func<Conversation, ConversationThread>> FromConversation = conversation =>
        new ConversationThread(conversation.Id, conversation.PersonId,
            conversation.Person.FirstName + " " + conversation.Person.LastName, conversation.Person.Title, conversation.Person.CompanyName,
            conversation.Subject, conversation.StartedAt, conversation.LastMessageAt,
            conversation.Messages.OrderBy(message => message.SentAt).ThenBy(message => message.Id)
                .Select(message => new MessageDetails(message.Id, message.ConversationId, message.Kind, message.Direction, message.Body, message.SentAt, message.CopyToCrm))
                .ToList());
}
