using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Lists;

/// <summary>Takes a saved lead or saved account off one of the caller's lists; it stays saved.</summary>
public sealed class RemoveFromList(SalesBridgeDbContext db) : IUseCase
{
    /// <param name="savedItemId">The saved lead's or saved account's id.</param>
    /// <exception cref="NotFoundException">No such list of the caller, or the item is not on it.</exception>
    /// <exception cref="ConflictException">A system list: the CRM import fills those.</exception>
    public async Task HandleAsync(Caller caller, Guid listId, Guid savedItemId, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var list = await db.FindMineAsync(caller, listId, cancellationToken);
        if (list.IsSystemList)
        {
            throw new ConflictException(SavedListQueries.SystemListEntriesRefusal);
        }

        var entry = await db.SavedListEntries
                .Where(e => e.ListId == list.Id && (e.SavedLeadId == savedItemId || e.SavedAccountId == savedItemId))
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("List entry", savedItemId);
        db.SavedListEntries.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
    }
}
