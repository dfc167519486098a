using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;
using SalesBridge.WriteBack;

namespace SalesBridge.Notes;

/// <summary>The author deletes their note. A note not yet in the CRM leaves the outbox with it; one already written stays in Dynamics.</summary>
public sealed class DeleteNote(SalesBridgeDbContext db, WriteBackOutbox outbox) : IUseCase
{
    /// <exception cref="NotFoundException">No such note by the caller (other authors' notes answer the same).</exception>
    public async Task HandleAsync(Caller caller, Guid noteId, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var note = await db.Notes
            .SingleOrDefaultAsync(n => n.Id == noteId && n.ContractId == caller.ContractId && n.AuthorId == caller.UserId, cancellationToken)
            ?? throw new NotFoundException("Note", noteId);
        db.Notes.Remove(note);
        await outbox.SetAsync(caller.ContractId, false, [new OutboxCandidate(SalesBridge.CrmSettings.WriteBackItemKind.Note, note.Id, note.AuthorId, note.PersonId, note.CompanyId, null)], cancellationToken);
        await outbox.SaveChangesAsync(cancellationToken);
    }
}
