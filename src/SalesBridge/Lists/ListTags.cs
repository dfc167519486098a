using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Persistence;

namespace SalesBridge.Lists;

/// <summary>
/// Reads which of the caller's lists a page of saved items is on, in one query, after the page itself was read
/// (so that paging counts and orders plain rows, not rows multiplied by their lists).
/// </summary>
internal static class ListTags
{
    public static async Task<ILookup<Guid, ListTag>> OfLeadsAsync(SalesBridgeDbContext db, Caller caller, IReadOnlyCollection<Guid> savedLeadIds, CancellationToken cancellationToken)
    {
        var ids = savedLeadIds.Select(id => (Guid?)id).ToList();
        var tags = await db.SavedLists
            .Where(list => list.ContractId == caller.ContractId && list.OwnerId == caller.UserId)
            .SelectMany(list => list.Entries.Where(entry => ids.Contains(entry.SavedLeadId)),
                (list, entry) => new { ItemId = entry.SavedLeadId!.Value, list.Id, list.Name, list.SystemKey })
            .ToListAsync(cancellationToken);
        return ToLookup(tags.Select(tag => (tag.ItemId, new ListTag(tag.Id, tag.Name, tag.SystemKey != null))));
    }

    public static async Task<ILookup<Guid, ListTag>> OfAccountsAsync(SalesBridgeDbContext db, Caller caller, IReadOnlyCollection<Guid> savedAccountIds, CancellationToken cancellationToken)
    {
        var ids = savedAccountIds.Select(id => (Guid?)id).ToList();
        var tags = await db.SavedLists
            .Where(list => list.ContractId == caller.ContractId && list.OwnerId == caller.UserId)
            .SelectMany(list => list.Entries.Where(entry => ids.Contains(entry.SavedAccountId)),
                (list, entry) => new { ItemId = entry.SavedAccountId!.Value, list.Id, list.Name, list.SystemKey })
            .ToListAsync(cancellationToken);
        return ToLookup(tags.Select(tag => (tag.ItemId, new ListTag(tag.Id, tag.Name, tag.SystemKey != null))));
    }

    // System lists first, then by name, so tags read the same on every row.
    private static ILookup<Guid, ListTag> ToLookup(IEnumerable<(Guid ItemId, ListTag Tag)> tags) =>
        tags.OrderBy(tag => !tag.Tag.IsSystemList).ThenBy(tag => tag.Tag.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToLookup(tag => tag.ItemId, tag => tag.Tag);
}
