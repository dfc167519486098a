using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.CrmRecords;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Accounts;

/// <summary>
/// Stops keeping track of a company: the saved account goes, and with it its places on the caller's lists. An account
/// an open CRM opportunity brings in is the sync's to remove (SPEC S10): refused when only the sync saved it, and when
/// the seat holder also saved it by hand, only their own saving is undone and it stays while the CRM brings it.
/// </summary>
public sealed class UnsaveAccount(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such saved account of the caller.</exception>
    /// <exception cref="ConflictException">Only the CRM import saved it.</exception>
    public async Task<UnsaveOutcome> HandleAsync(Caller caller, Guid savedAccountId, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var account = await db.SavedAccounts.OwnedBy(caller).SingleOrDefaultAsync(a => a.Id == savedAccountId, cancellationToken)
            ?? throw new NotFoundException("Saved account", savedAccountId);
        if (!account.ImportedFromCrm)
        {
            // The database removes its list entries with it (cascade).
            db.SavedAccounts.Remove(account);
            await db.SaveChangesAsync(cancellationToken);
            return UnsaveOutcome.Removed;
        }

        if (!account.SavedByHand)
        {
            throw new ConflictException(ImportedItemRefusals.UnsaveAccount);
        }

        account.SavedByHand = false;
        // Off the seat holder's own lists as any unsaved account; the system list is the sync's and keeps it.
        db.SavedListEntries.RemoveRange(await db.SavedListEntries
            .Where(entry => entry.SavedAccountId == account.Id && db.SavedLists.Any(list => list.Id == entry.ListId && list.SystemKey == null))
            .ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return UnsaveOutcome.KeptWhileInCrm;
    }
}
