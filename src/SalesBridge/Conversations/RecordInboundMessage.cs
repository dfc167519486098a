using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmCopy;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Conversations;

/// <summary>
/// The person answered: the workspace's messaging system delivers their message into the thread (no signed-in
/// caller; the contract scopes it). Used by the demo seed and tests; it is not part of the public API.
/// </summary>
public sealed class RecordInboundMessage(SalesBridgeDbContext db, TimeProvider time) : IUseCase
{
    public sealed record Request : IValidatableObject
    {
        [Required(ErrorMessage = "body is required.")]
        public string? Body { get; init; }

        /// <summary>Left out: a message.</summary>
        public MessageKind? Kind { get; init; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
            MessageBodyRules.Check(Body, Kind ?? MessageKind.Message, nameof(Body));
    }

    /// <exception cref="NotFoundException">No such conversation in the contract.</exception>
    public async Task<MessageDetails> HandleAsync(Guid contractId, Guid conversationId, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        var conversation = await db.Conversations
            .SingleOrDefaultAsync(c => c.Id == conversationId && c.ContractId == contractId, cancellationToken)
            ?? throw new NotFoundException("Conversation", conversationId);
        var now = time.GetUtcNow();
        var message = new ConversationMessage
        {
            ContractId = contractId, ConversationId = conversation.Id, Kind = request.Kind ?? MessageKind.Message,
            Direction = MessageDirection.Inbound, Body = request.Body!.Trim(), SentAt = now,
            CopyToCrm = CopyToCrmDefault.Resolve(null, CopyToCrmItem.Message),
        };
        db.ConversationMessages.Add(message);
        conversation.LastMessageAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return MessageDetails.Of(message);
    }
}
