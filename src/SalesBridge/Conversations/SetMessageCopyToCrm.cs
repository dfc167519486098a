using SalesBridge.WriteBackReports;
using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;
using SalesBridge.WriteBack;

namespace SalesBridge.Conversations;

/// <summary>The caller ticks or clears <i>Copy message to CRM</i> on one message of their threads (SPEC S14).</summary>
public sealed class SetMessageCopyToCrm(SalesBridgeDbContext db, WriteBackOutbox outbox) : IUseCase
{
    public sealed record Request
    {
        [Required(ErrorMessage = "copyToCrm is required.")]
        public bool? CopyToCrm { get; init; }
    }

    /// <exception cref="NotFoundException">No such message in the caller's threads.</exception>
    public async Task<MessageDetails> HandleAsync(Caller caller, Guid messageId, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireSeat();
        var message = await db.MessagesOf(caller).SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken)
            ?? throw new NotFoundException("Message", messageId);
        var conversation = await db.Conversations.SingleAsync(c => c.Id == message.ConversationId, cancellationToken);
        message.CopyToCrm = request.CopyToCrm!.Value;
        await outbox.SetAsync(caller.ContractId, message.CopyToCrm, [MessageWriteBack.Candidate(message, conversation)], cancellationToken);
        await outbox.SaveChangesAsync(cancellationToken);
        if (message.CopyToCrm) outbox.Wake(caller.ContractId);
        return MessageDetails.Of(message).WithCrm(await ItemCrmStates.LoadAsync(db, caller.ContractId, [message.Id], cancellationToken));
    }
}
