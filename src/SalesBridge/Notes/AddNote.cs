using System.ComponentModel.DataAnnotations;
using SalesBridge.Access;
using SalesBridge.CrmCopy;
using SalesBridge.CrmSettings;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;
using SalesBridge.WriteBack;

namespace SalesBridge.Notes;

/// <summary>The caller writes a note on a person (a lead) or a company (an account) of their contract.</summary>
public sealed class AddNote(SalesBridgeDbContext db, TimeProvider time, CopyToCrmDefaults copyDefaults, WriteBackOutbox outbox) : IUseCase
{
    public sealed record Request
    {
        public Guid? PersonId { get; init; }
        public Guid? CompanyId { get; init; }

        [Required(ErrorMessage = "text is required.")]
        [StringLength(Note.MaxTextLength, ErrorMessage = "text must be at most 10000 characters.")]
        public string? Text { get; init; }

        /// <summary>Left out: <see cref="CopyToCrmDefaults"/> decides.</summary>
        public bool? CopyToCrm { get; init; }
    }

    /// <exception cref="RequestValidationException">No text, text too long, or not exactly one subject.</exception>
    /// <exception cref="NotFoundException">The person or company is not in the caller's contract.</exception>
    public async Task<NoteDetails> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireSeat();
        await NoteSubject.RequireAsync(db, caller, request.PersonId, request.CompanyId, cancellationToken);
        var now = time.GetUtcNow();
        var note = new Note
        {
            ContractId = caller.ContractId, AuthorId = caller.UserId, PersonId = request.PersonId, CompanyId = request.CompanyId,
            Text = request.Text!.Trim(), CreatedAt = now, UpdatedAt = now,
            CopyToCrm = await copyDefaults.ResolveAsync(request.CopyToCrm, caller.ContractId, WriteBackItemKind.Note, cancellationToken),
        };
        db.Notes.Add(note);
        if (note.CopyToCrm) outbox.Add(caller.ContractId, WriteBackItemKind.Note, note.Id, caller.UserId, note.PersonId, note.CompanyId, threadId: null);
        await db.SaveChangesAsync(cancellationToken);
        if (note.CopyToCrm) outbox.Wake(caller.ContractId);
        return (await NoteDetails.WithCrmAsync(db, caller.ContractId, [NoteDetails.Of(note)], cancellationToken))[0];
    }
}
