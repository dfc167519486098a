using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;
using SalesBridge.WriteBack;

namespace SalesBridge.Conversations;

/// <summary><i>Copy thread to CRM</i>: the caller sets the choice for every message of one of their threads at once (SPEC S14).</summary>
public sealed class SetThreadCopyToCrm(SalesBridgeDbContext db, WriteBackOutbox outbox) : IUseCase
{
    public sealed record Request
    {
        [Required(ErrorMessage = "copyToCrm is required.")]
        public bool? CopyToCrm { get; init; }
    }

    /// <exception cref="NotFoundException">No such conversation of the caller.</exception>
    public async Task<ConversationThread> HandleAsync(Caller caller, Guid conversationId, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireSeat();
        var conversation = await db.ConversationsOf(caller).Include(c => c.Messages)
            .SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken)
            ?? throw new NotFoundException("Conversation", conversationId);
        foreach (var message in conversation.Messages)
        {
            message.CopyToCrm = request.CopyToCrm!.Value;
        }
        await outbox.SetAsync(caller.ContractId, request.CopyToCrm!.Value,
            conversation.Messages.Select(m => MessageWriteBack.Candidate(m, conversation)).ToList(), cancellationToken);

        await outbox.SaveChangesAsync(cancellationToken);
        if (request.CopyToCrm!.Value) outbox.Wake(caller.ContractId);
        var thread = await db.ConversationsOf(caller).Where(c => c.Id == conversationId)
            .Select(ConversationThread.FromConversation).SingleAsync(cancellationToken);
        return await thread.WithCrmAsync(db, caller.ContractId, cancellationToken);
    }
}
