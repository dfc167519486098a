using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Accounts;

/// <summary>Stops keeping track of a company: the saved account goes, and with it its places on the caller's lists.</summary>
public sealed class UnsaveAccount(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such saved account of the caller.</exception>
    public async Task HandleAsync(Caller caller, Guid savedAccountId, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var account = await db.SavedAccounts.OwnedBy(caller).SingleOrDefaultAsync(a => a.Id == savedAccountId, cancellationToken)
            ?? throw new NotFoundException("Saved account", savedAccountId);
        // The database removes its list entries with it (cascade).
        db.SavedAccounts.Remove(account);
        await db.SaveChangesAsync(cancellationToken);
    }
}
