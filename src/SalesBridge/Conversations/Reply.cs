using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.CrmCopy;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Conversations;

/// <summary>The caller sends another message in one of their threads; the thread moves to the top of the inbox.</summary>
public sealed class Reply(SalesBridgeDbContext db, TimeProvider time) : IUseCase
{
    public sealed record Request : IValidatableObject
    {
        [Required(ErrorMessage = "body is required.")]
        public string? Body { get; init; }

        /// <summary>Left out: a message (replies in a thread are usually messages).</summary>
        public MessageKind? Kind { get; init; }

        /// <summary>Left out: <see cref="CopyToCrmDefault"/> decides.</summary>
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
        var message = new ConversationMessage
        {
            ContractId = caller.ContractId, ConversationId = conversation.Id, Kind = request.Kind ?? MessageKind.Message,
            Direction = MessageDirection.Outbound, Body = request.Body!.Trim(), SentAt = now,
            CopyToCrm = CopyToCrmDefault.Resolve(request.CopyToCrm, CopyToCrmItem.Message),
        };
        db.ConversationMessages.Add(message);
        conversation.LastMessageAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return MessageDetails.Of(message);
    }
}
