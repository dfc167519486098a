using System.Linq.Expressions;
using SalesBridge.WriteBackReports;

namespace SalesBridge.Conversations;

/// <summary>One message of a thread as the API and pages show it.</summary>
public sealed record MessageDetails(Guid Id, Guid ConversationId, MessageKind Kind, MessageDirection Direction, string Body, DateTimeOffset SentAt, bool CopyToCrm)
{
    /// <summary>Where the message stands with the CRM (S14); null when it is not copied to the CRM.</summary>
    public ItemCrmState? Crm { get; init; }

    internal MessageDetails WithCrm(IReadOnlyDictionary<Guid, ItemCrmState> states) => this with { Crm = states.GetValueOrDefault(Id) };

    internal static readonly Expression<Func<ConversationMessage, MessageDetails>> FromMessage = message =>
        new MessageDetails(message.Id, message.ConversationId, message.Kind, message.Direction, message.Body, message.SentAt, message.CopyToCrm);

    private static readonly Func<ConversationMessage, MessageDetails> FromLoadedMessage = FromMessage.Compile();

    internal static MessageDetails Of(ConversationMessage message) => FromLoadedMessage(message);
}
