using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmMatches;

/// <summary>The CRM side of one of the caller's saved accounts: its account's match, or whether Create record can make one.</summary>
public sealed class GetAccountMatch(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such saved account of the caller.</exception>
    public async Task<SavedItemMatch> HandleAsync(Caller caller, Guid savedAccountId, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var saved = await db.SavedAccounts.Where(l => l.Id == savedAccountId && l.ContractId == caller.ContractId && l.OwnerId == caller.UserId)
            .Select(l => new { l.CompanyId, l.CrmAccountId }).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Saved account", savedAccountId);
        if (saved.CrmAccountId is { } recordId)
        {
            return new SavedItemMatch(savedAccountId, await db.FindAccountAsync(caller.ContractId, recordId, cancellationToken), false, "The account already has a CRM account.");
        }
        // Create record makes contacts only; accounts come into the CRM through its own account forms for now.
        return new SavedItemMatch(savedAccountId, null, false, "Create record is available for leads; create the account in Dynamics and the next sync matches it.");
    }
}

