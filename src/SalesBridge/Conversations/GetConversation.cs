using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Conversations;

/// <summary>One of the caller's threads with all its messages, oldest first.</summary>
public sealed class GetConversation(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such conversation of the caller (other seat holders' answer the same).</exception>
    public async Task<ConversationThread> HandleAsync(Caller caller, Guid conversationId, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var thread = await db.ConversationsOf(caller)
            .Where(conversation => conversation.Id == conversationId)
            .Select(ConversationThread.FromConversation)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Conversation", conversationId);
        return await thread.WithCrmAsync(db, caller.ContractId, cancellationToken);
    }
}
