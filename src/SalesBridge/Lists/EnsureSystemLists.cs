using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Lists;

/// <summary>
/// Gives the caller the lists every seat holder has ("My CRM Leads", "My CRM Accounts") when they are missing, so
/// the CRM import has somewhere to put what it finds and their names stay taken for the user's own lists.
/// </summary>
public sealed class EnsureSystemLists(SalesBridgeDbContext db, TimeProvider time) : IUseCase
{
    public async Task HandleAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var existing = await db.SavedLists.OwnedBy(caller)
            .Where(list => list.SystemKey != null).Select(list => list.SystemKey!).ToListAsync(cancellationToken);
        var missing = SystemLists.All.Where(definition => !existing.Contains(definition.Key)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var added = missing.Select(definition => new SavedList
        {
            ContractId = caller.ContractId, OwnerId = caller.UserId, Name = definition.Name, Kind = definition.Kind,
            SystemKey = definition.Key, CreatedAt = time.GetUtcNow(),
        }).ToList();
        db.SavedLists.AddRange(added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first requests of the same seat holder raced; the other one created them.
            foreach (var list in added) db.Entry(list).State = EntityState.Detached;
        }
    }
}
