using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Notes;

/// <summary>The author deletes their note.</summary>
public sealed class DeleteNote(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such note by the caller (other authors' notes answer the same).</exception>
    public async Task HandleAsync(Caller caller, Guid noteId, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var note = await db.Notes
            .SingleOrDefaultAsync(n => n.Id == noteId && n.ContractId == caller.ContractId && n.AuthorId == caller.UserId, cancellationToken)
            ?? throw new NotFoundException("Note", noteId);
        db.Notes.Remove(note);
        await db.SaveChangesAsync(cancellationToken);
    }
}
