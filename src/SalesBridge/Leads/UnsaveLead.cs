using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Leads;

/// <summary>Stops keeping track of a person: the saved lead goes, and with it its places on the caller's lists.</summary>
public sealed class UnsaveLead(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such saved lead of the caller.</exception>
    public async Task HandleAsync(Caller caller, Guid savedLeadId, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var lead = await db.SavedLeads.OwnedBy(caller).SingleOrDefaultAsync(l => l.Id == savedLeadId, cancellationToken)
            ?? throw new NotFoundException("Saved lead", savedLeadId);
        // The database removes its list entries with it (cascade).
        db.SavedLeads.Remove(lead);
        await db.SaveChangesAsync(cancellationToken);
    }
}
