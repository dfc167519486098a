using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Conversations;

/// <summary>The caller ticks or clears <i>Copy message to CRM</i> on one message of their threads (SPEC S14).</summary>
public sealed class SetMessageCopyToCrm(SalesBridgeDbContext db) : IUseCase
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
        message.CopyToCrm = request.CopyToCrm!.Value;
        await db.SaveChangesAsync(cancellationToken);
        return MessageDetails.Of(message);
    }
}
