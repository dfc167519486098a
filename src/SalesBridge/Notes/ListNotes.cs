using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Notes;

/// <summary>The caller's own notes on one person or one company, newest first.</summary>
public sealed class ListNotes(SalesBridgeDbContext db) : IUseCase
{
    public sealed record Request : PageRequest
    {
        public Guid? PersonId { get; init; }
        public Guid? CompanyId { get; init; }
    }

    /// <exception cref="NotFoundException">The person or company is not in the caller's contract.</exception>
    public async Task<Page<NoteDetails>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireSeat();
        await NoteSubject.RequireAsync(db, caller, request.PersonId, request.CompanyId, cancellationToken);
        var page = await db.Notes
            .Where(note => note.ContractId == caller.ContractId && note.AuthorId == caller.UserId
                && note.PersonId == request.PersonId && note.CompanyId == request.CompanyId)
            .OrderByDescending(note => note.CreatedAt).ThenByDescending(note => note.Id)
            .Select(NoteDetails.FromNote)
            .ToPageAsync(request, cancellationToken);
        return page with { Items = await NoteDetails.WithCrmAsync(db, caller.ContractId, page.Items, cancellationToken) };
    }
}
