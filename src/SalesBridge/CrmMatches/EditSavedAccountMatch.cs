using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmMatches;

/// <summary>Edit match from a seat holder's saved account: the CRM account behind it gets the company they pick (or none).</summary>
public sealed class EditSavedAccountMatch(SalesBridgeDbContext db, EditAccountMatch edit) : IUseCase
{
    /// <exception cref="NotFoundException">No such saved account of the caller, or no such company.</exception>
    /// <exception cref="ConflictException">The lead has no CRM account, or the company is another record's by someone's choice.</exception>
    public async Task<CrmMatchView> HandleAsync(Caller caller, Guid savedAccountId, EditMatchRequest request, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        request.Validated();
        var saved = await db.SavedAccounts.Where(l => l.Id == savedAccountId && l.ContractId == caller.ContractId && l.OwnerId == caller.UserId)
            .Select(l => new { l.CrmAccountId }).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Saved account", savedAccountId);
        var recordId = saved.CrmAccountId
            ?? throw new ConflictException("This account has no CRM account to match.");
        return await edit.HandleAsync(caller, recordId, request, cancellationToken);
    }
}
