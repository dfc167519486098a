using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;

namespace SalesBridge.Lists;

/// <summary>The caller's own lists: every list use case starts from these, so no one reaches another seat holder's list.</summary>
internal static class SavedListQueries
{
    public static IQueryable<SavedList> OwnedBy(this IQueryable<SavedList> lists, Caller caller) =>
        lists.Where(list => list.ContractId == caller.ContractId && list.OwnerId == caller.UserId);

    /// <exception cref="NotFoundException">No such list of the caller (other seat holders' lists answer the same).</exception>
    public static async Task<SavedList> FindMineAsync(this SalesBridgeDbContext db, Caller caller, Guid listId, CancellationToken cancellationToken) =>
        await db.SavedLists.OwnedBy(caller).SingleOrDefaultAsync(list => list.Id == listId, cancellationToken)
        ?? throw new NotFoundException("List", listId);

    /// <exception cref="NotFoundException">No such list of the caller, or it holds the other kind of item.</exception>
    public static async Task RequireMineOfKindAsync(this SalesBridgeDbContext db, Caller caller, Guid listId, SavedListKind kind, CancellationToken cancellationToken)
    {
        if (!await db.SavedLists.OwnedBy(caller).AnyAsync(list => list.Id == listId && list.Kind == kind, cancellationToken))
        {
            throw new NotFoundException("List", listId);
        }
    }

    /// <exception cref="ConflictException">The caller already has a list of this kind with this name (letter case ignored).</exception>
    public static async Task RequireNameFreeAsync(this SalesBridgeDbContext db, Caller caller, SavedListKind kind, string name, Guid? exceptListId, CancellationToken cancellationToken)
    {
        var lowered = name.ToLowerInvariant();
        if (await db.SavedLists.OwnedBy(caller).AnyAsync(list => list.Kind == kind && list.Id != exceptListId && list.Name.ToLower() == lowered, cancellationToken))
        {
            throw new ConflictException($"You already have a list of {kind.ToString().ToLowerInvariant()} named \"{name}\". Choose another name.");
        }
    }

    public static void RequireUserList(SavedList list)
    {
        if (list.IsSystemList)
        {
            throw new ConflictException(SystemListRefusal);
        }
    }

    public const string SystemListRefusal = "System lists cannot be renamed or deleted; they are filled by the CRM import.";

    public const string SystemListEntriesRefusal = "System lists are filled by the CRM import; put the item on one of your own lists instead.";

    /// <summary>Checks the lists a newly saved item should go on: the caller's own lists of the item's kind.</summary>
    /// <exception cref="NotFoundException">A list that is not the caller's.</exception>
    /// <exception cref="RequestValidationException">A list of the other kind.</exception>
    /// <exception cref="ConflictException">A system list: the CRM import fills those.</exception>
    public static async Task<IReadOnlyList<Guid>> RequireUserListsOfKindAsync(this SalesBridgeDbContext db, Caller caller,
        IReadOnlyList<Guid>? listIds, SavedListKind kind, CancellationToken cancellationToken)
    {
        var wanted = (listIds ?? []).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var lists = await db.SavedLists.OwnedBy(caller).Where(list => wanted.Contains(list.Id))
            .Select(list => new { list.Id, list.Kind, list.SystemKey }).ToListAsync(cancellationToken);
        foreach (var id in wanted.Where(id => lists.All(list => list.Id != id)))
        {
            throw new NotFoundException("List", id);
        }

        if (lists.Any(list => list.Kind != kind))
        {
            throw new RequestValidationException("listIds", $"listIds must name lists of {kind.ToString().ToLowerInvariant()}.");
        }

        if (lists.Any(list => list.SystemKey != null))
        {
            throw new ConflictException(SystemListEntriesRefusal);
        }

        return wanted;
    }
}
