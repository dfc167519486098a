using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Notes;

/// <summary>One of the caller's notes (the edit form starts from it).</summary>
public sealed class GetNote(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such note by the caller (other authors' notes answer the same).</exception>
    public async Task<NoteDetails> HandleAsync(Caller caller, Guid noteId, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var note = await db.Notes
            .Where(n => n.Id == noteId && n.ContractId == caller.ContractId && n.AuthorId == caller.UserId)
            .Select(NoteDetails.FromNote)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Note", noteId);
        return (await NoteDetails.WithCrmAsync(db, caller.ContractId, [note], cancellationToken))[0];
    }
}
