using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.CrmCopy;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.Text;
using SalesBridge.UseCases;
using SalesBridge.WriteBack;

namespace SalesBridge.Conversations;

/// <summary>The caller sends an InMail or a message to a person of their directory, which starts a new thread.</summary>
public sealed class StartConversation(SalesBridgeDbContext db, TimeProvider time, CopyToCrmDefaults copyDefaults, WriteBackOutbox outbox) : IUseCase
{
    /// <summary>
    /// Which rules apply depends on the kind, so all of them are checked in <see cref="Validate"/>: a form then shows
    /// every problem at once (attributes that fail would keep <see cref="IValidatableObject"/> from running).
    /// </summary>
    public sealed record Request : IValidatableObject
    {
        public Guid? PersonId { get; init; }

        public MessageKind? Kind { get; init; }

        /// <summary>Required for an InMail; a message without one is titled after the person.</summary>
        public string? Subject { get; init; }

        public string? Body { get; init; }

        /// <summary>Left out: <see cref="CopyToCrmDefaults"/> decides.</summary>
        public bool? CopyToCrm { get; init; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (PersonId is null)
            {
                yield return new ValidationResult("personId is required.", [nameof(PersonId)]);
            }

            if (Kind is null)
            {
                yield return new ValidationResult("kind is required (InMail or Message).", [nameof(Kind)]);
            }

            if (Subject?.Trim().Length > Conversation.MaxSubjectLength)
            {
                yield return new ValidationResult("subject must be at most 200 characters.", [nameof(Subject)]);
            }
            else if (Kind == MessageKind.InMail && string.IsNullOrWhiteSpace(Subject))
            {
                yield return new ValidationResult("subject is required for an InMail.", [nameof(Subject)]);
            }

            if (string.IsNullOrWhiteSpace(Body))
            {
                yield return new ValidationResult("body is required.", [nameof(Body)]);
            }

            foreach (var result in MessageBodyRules.Check(Body, Kind ?? MessageKind.Message, nameof(Body)))
            {
                yield return result;
            }
        }
    }

    /// <exception cref="NotFoundException">The person is not in the caller's contract.</exception>
    public async Task<ConversationThread> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireSeat();
        var personId = request.PersonId!.Value;
        var person = await db.People.Where(p => p.Id == personId && p.ContractId == caller.ContractId)
            .Select(p => new { p.FirstName, p.LastName })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Person", personId);

        var now = time.GetUtcNow();
        var subject = string.IsNullOrWhiteSpace(request.Subject) ? $"Message to {person.FirstName} {person.LastName}".Trim() : request.Subject.Trim();
        var conversation = new Conversation
        {
            ContractId = caller.ContractId, SeatHolderId = caller.UserId, PersonId = personId,
            Subject = ColumnFit.Cut(subject, Conversation.MaxSubjectLength),
            StartedAt = now, LastMessageAt = now,
        };
        var message = new ConversationMessage
        {
            ContractId = caller.ContractId, ConversationId = conversation.Id, Kind = request.Kind!.Value, Direction = MessageDirection.Outbound,
            Body = request.Body!.Trim(), SentAt = now,
            CopyToCrm = await copyDefaults.ResolveAsync(request.CopyToCrm, caller.ContractId, MessageWriteBack.KindOf(request.Kind!.Value), cancellationToken),
        };
        conversation.Messages.Add(message);
        db.Conversations.Add(conversation);
        if (message.CopyToCrm) outbox.Add(caller.ContractId, MessageWriteBack.KindOf(message.Kind), message.Id, caller.UserId, personId, null, conversation.Id);
        await db.SaveChangesAsync(cancellationToken);
        if (message.CopyToCrm) outbox.Wake(caller.ContractId);

        var thread = await db.ConversationsOf(caller).Where(c => c.Id == conversation.Id)
            .Select(ConversationThread.FromConversation).SingleAsync(cancellationToken);
        return await thread.WithCrmAsync(db, caller.ContractId, cancellationToken);
    }
}
