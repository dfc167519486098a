using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Lists;

/// <summary>Deletes one of the caller's own lists: its entries go, the saved leads and accounts on it stay saved.</summary>
public sealed class DeleteList(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such list of the caller.</exception>
    /// <exception cref="ConflictException">A system list.</exception>
    public async Task HandleAsync(Caller caller, Guid listId, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var list = await db.FindMineAsync(caller, listId, cancellationToken);
        SavedListQueries.RequireUserList(list);
        // The database removes the list's entries with it (cascade); the saved items are not touched.
        db.SavedLists.Remove(list);
        await db.SaveChangesAsync(cancellationToken);
    }
}
