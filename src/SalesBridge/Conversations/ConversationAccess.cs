using SalesBridge.Access;
using SalesBridge.Persistence;

namespace SalesBridge.Conversations;

/// <summary>The rows a seat holder may see: only their own conversations, in their own contract.</summary>
internal static class ConversationAccess
{
    public static IQueryable<Conversation> ConversationsOf(this SalesBridgeDbContext db, Caller caller) =>
        db.Conversations.Where(conversation => conversation.ContractId == caller.ContractId && conversation.SeatHolderId == caller.UserId);

    public static IQueryable<ConversationMessage> MessagesOf(this SalesBridgeDbContext db, Caller caller) =>
        db.ConversationMessages.Where(message => message.ContractId == caller.ContractId
            && db.Conversations.Any(conversation => conversation.Id == message.ConversationId && conversation.SeatHolderId == caller.UserId));
}
