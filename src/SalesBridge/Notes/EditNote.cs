using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;
using SalesBridge.WriteBack;

namespace SalesBridge.Notes;

/// <summary>
/// The author changes their note's text, its <i>Copy to CRM</i> choice, or both. A text edited after the note reached
/// the CRM stays as first written there (a completed activity is read-only in Dynamics).
/// </summary>
public sealed class EditNote(SalesBridgeDbContext db, TimeProvider time, WriteBackOutbox outbox) : IUseCase
{
    public sealed record Request : IValidatableObject
    {
        /// <summary>Left out: the text stays.</summary>
        [StringLength(Note.MaxTextLength, ErrorMessage = "text must be at most 10000 characters.")]
        public string? Text { get; init; }

        /// <summary>Left out: the choice stays.</summary>
        public bool? CopyToCrm { get; init; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Text is not null && string.IsNullOrWhiteSpace(Text))
            {
                yield return new ValidationResult("text must not be empty.", [nameof(Text)]);
            }

            if (Text is null && CopyToCrm is null)
            {
                yield return new ValidationResult("Give text or copyToCrm to change.", [nameof(Text)]);
            }
        }
    }

    /// <exception cref="NotFoundException">No such note by the caller (other authors' notes answer the same).</exception>
    public async Task<NoteDetails> HandleAsync(Caller caller, Guid noteId, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireSeat();
        var note = await db.Notes
            .SingleOrDefaultAsync(n => n.Id == noteId && n.ContractId == caller.ContractId && n.AuthorId == caller.UserId, cancellationToken)
            ?? throw new NotFoundException("Note", noteId);
        if (request.Text is { } text)
        {
            note.Text = text.Trim();
        }

        if (request.CopyToCrm is { } copy)
        {
            note.CopyToCrm = copy;
            await outbox.SetAsync(caller.ContractId, copy,
                [new OutboxCandidate(SalesBridge.CrmSettings.WriteBackItemKind.Note, note.Id, note.AuthorId, note.PersonId, note.CompanyId, null)], cancellationToken);
        }

        note.UpdatedAt = time.GetUtcNow();
        await outbox.SaveChangesAsync(cancellationToken);
        if (note.CopyToCrm) outbox.Wake(caller.ContractId);
        return (await NoteDetails.WithCrmAsync(db, caller.ContractId, [NoteDetails.Of(note)], cancellationToken))[0];
    }
}
