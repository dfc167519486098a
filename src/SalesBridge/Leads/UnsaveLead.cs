using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.CrmRecords;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Leads;

/// <summary>
/// Stops keeping track of a person: the saved lead goes, and with it its places on the caller's lists. A lead an open
/// CRM opportunity brings in is the sync's to remove (SPEC S10): refused when only the sync saved it, and when the
/// seat holder also saved it by hand, only their own saving is undone and the lead stays while the CRM brings it.
/// </summary>
public sealed class UnsaveLead(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such saved lead of the caller.</exception>
    /// <exception cref="ConflictException">Only the CRM import saved it.</exception>
    public async Task<UnsaveOutcome> HandleAsync(Caller caller, Guid savedLeadId, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var lead = await db.SavedLeads.OwnedBy(caller).SingleOrDefaultAsync(l => l.Id == savedLeadId, cancellationToken)
            ?? throw new NotFoundException("Saved lead", savedLeadId);
        if (!lead.ImportedFromCrm)
        {
            // The database removes its list entries with it (cascade).
            db.SavedLeads.Remove(lead);
            await db.SaveChangesAsync(cancellationToken);
            return UnsaveOutcome.Removed;
        }

        if (!lead.SavedByHand)
        {
            throw new ConflictException(ImportedItemRefusals.UnsaveLead);
        }

        lead.SavedByHand = false;
        // Off the seat holder's own lists as any unsaved lead; the system list is the sync's and keeps it.
        db.SavedListEntries.RemoveRange(await db.SavedListEntries
            .Where(entry => entry.SavedLeadId == lead.Id && db.SavedLists.Any(list => list.Id == entry.ListId && list.SystemKey == null))
            .ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return UnsaveOutcome.KeptWhileInCrm;
    }
}
