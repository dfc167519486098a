using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmCopy;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;
using SalesBridge.WriteBack;

namespace SalesBridge.Conversations;

/// <summary>
/// The person answered: the workspace's messaging system delivers their message into the thread (no signed-in
/// caller; the contract scopes it). Used by the demo seed and tests; it is not part of the public API.
/// </summary>
public sealed class RecordInboundMessage(SalesBridgeDbContext db, TimeProvider time, CopyToCrmDefaults copyDefaults, WriteBackOutbox outbox) : IUseCase
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
        var kind = request.Kind ?? MessageKind.Message;
        var message = new ConversationMessage
        {
            ContractId = contractId, ConversationId = conversation.Id, Kind = kind,
            Direction = MessageDirection.Inbound, Body = request.Body!.Trim(), SentAt = now,
            CopyToCrm = await copyDefaults.ForAsync(contractId, MessageWriteBack.KindOf(kind), cancellationToken),
        };
        db.ConversationMessages.Add(message);
        conversation.LastMessageAt = now;
        if (message.CopyToCrm) await outbox.SetAsync(contractId, true, [MessageWriteBack.Candidate(message, conversation)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (message.CopyToCrm) outbox.Wake(contractId);
        return MessageDetails.Of(message);
    }
}
