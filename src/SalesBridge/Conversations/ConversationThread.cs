using System.Linq.Expressions;

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
    internal static readonly Expression<Func<Conversation, ConversationThread>> FromConversation = conversation =>
        new ConversationThread(conversation.Id, conversation.PersonId,
            conversation.Person.FirstName + " " + conversation.Person.LastName, conversation.Person.Title, conversation.Person.CompanyName,
            conversation.Subject, conversation.StartedAt, conversation.LastMessageAt,
            conversation.Messages.OrderBy(message => message.SentAt).ThenBy(message => message.Id)
                .Select(message => new MessageDetails(message.Id, message.ConversationId, message.Kind, message.Direction, message.Body, message.SentAt, message.CopyToCrm))
                .ToList());
}
