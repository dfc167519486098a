using SalesBridge.CrmSettings;
using SalesBridge.WriteBack;

namespace SalesBridge.Conversations;

/// <summary>How a message enters the write-back outbox: its type (S13) and the outbox row's facts.</summary>
public static class MessageWriteBack
{
    public static WriteBackItemKind KindOf(MessageKind kind) => kind == MessageKind.InMail ? WriteBackItemKind.InMail : WriteBackItemKind.Message;

    public static OutboxCandidate Candidate(ConversationMessage message, Conversation conversation) =>
        new(KindOf(message.Kind), message.Id, conversation.SeatHolderId, conversation.PersonId, null, conversation.Id);
}
