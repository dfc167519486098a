using SalesBridge.WriteBackReports;
using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.CrmCopy;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;
using SalesBridge.WriteBack;

namespace SalesBridge.Conversations;

/// <summary>The caller sends another message in one of their threads; the thread moves to the top of the inbox.</summary>
public sealed class Reply(SalesBridgeDbContext db, TimeProvider time, CopyToCrmDefaults copyDefaults, WriteBackOutbox outbox) : IUseCase
{
    public sealed record Request : IValidatableObject
    {
        [Required(ErrorMessage = "body is required.")]
        public string? Body { get; init; }

        /// <summary>Left out: a message (replies in a thread are usually messages).</summary>
        public MessageKind? Kind { get; init; }

        /// <summary>Left out: <see cref="CopyToCrmDefaults"/> decides.</summary>
        public bool? CopyToCrm { get; init; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
            MessageBodyRules.Check(Body, Kind ?? MessageKind.Message, nameof(Body));
    }

    /// <exception cref="NotFoundException">No such conversation of the caller.</exception>
    public async Task<MessageDetails> HandleAsync(Caller caller, Guid conversationId, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireSeat();
        var conversation = await db.ConversationsOf(caller).SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken)
            ?? throw new NotFoundException("Conversation", conversationId);
        var now = time.GetUtcNow();
        var kind = request.Kind ?? MessageKind.Message;
        var message = new ConversationMessage
        {
            ContractId = caller.ContractId, ConversationId = conversation.Id, Kind = kind,
            Direction = MessageDirection.Outbound, Body = request.Body!.Trim(), SentAt = now,
            CopyToCrm = await copyDefaults.ResolveAsync(request.CopyToCrm, caller.ContractId, MessageWriteBack.KindOf(kind), cancellationToken),
        };
        db.ConversationMessages.Add(message);
        conversation.LastMessageAt = now;
        if (message.CopyToCrm) await outbox.SetAsync(caller.ContractId, true, [MessageWriteBack.Candidate(message, conversation)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (message.CopyToCrm) outbox.Wake(caller.ContractId);
        return MessageDetails.Of(message).WithCrm(await ItemCrmStates.LoadAsync(db, caller.ContractId, [message.Id], cancellationToken));
    }
}
