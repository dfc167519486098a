using Microsoft.EntityFrameworkCore;
using SalesBridge.Lists;
using SalesBridge.Persistence;

namespace SalesBridge.CrmImport;

/// <summary>
/// Brings one kind of saved item (leads or accounts) in line with the plan, inside the run's last transaction:
/// the diff's deletes, releases, updates and inserts in that order, then the system list ("My CRM Leads" /
/// "My CRM Accounts") holds exactly what the import brings in.
/// </summary>
internal sealed class SavedItemsApplier(SalesBridgeDbContext db, TimeProvider time)
{
    private const int DeleteSlice = 5_000;

    /// <param name="wanted">Per seat holder, the ids (not CRM ids) of the records and what they are matched to.</param>
    /// <param name="scope">Null: every saved item of the contract is compared; else only those of these records and targets.</param>
    public async Task<SavedItemDiff> ApplyAsync(ISavedItemTable table, Guid contractId, IReadOnlyList<WantedItem> wanted, SavedItemScope? scope,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var saved = await table.LoadAsync(contractId, scope, cancellationToken);
        var diff = SavedItemDiff.Between(wanted, saved, scope);

        foreach (var slice in diff.Deletes.Chunk(DeleteSlice)) await table.DeleteAsync(slice, cancellationToken);
        foreach (var release in diff.Releases) table.Change(release);
        await db.SaveChangesAsync(cancellationToken);
        // Two records may swap people or companies: clear the targets first so no moment has two rows on one.
        var retargeted = diff.Updates.Where(u => u.SetTarget).ToList();
        foreach (var update in retargeted) table.Change(update with { TargetId = null });
        await db.SaveChangesAsync(cancellationToken);
        foreach (var update in diff.Updates) table.Change(update);
        await db.SaveChangesAsync(cancellationToken);
        var owners = saved.ToDictionary(r => r.Id, r => r.OwnerId);
        var inserted = await table.InsertAsync(contractId, diff.Inserts, now, cancellationToken);
        for (var i = 0; i < inserted.Count; i++)
        {
            owners[inserted[i]] = diff.Inserts[i].OwnerId;
            diff.Imported.Add(inserted[i]);
        }

        await SyncSystemListAsync(table, contractId, diff, owners, now, scope is null ? null : [.. diff.Imported, .. diff.NoLongerImported], cancellationToken);
        db.ChangeTracker.Clear();
        return diff;
    }

    /// <param name="items">The saved items whose entries can change (null: all of the contract's).</param>
    private async Task SyncSystemListAsync(ISavedItemTable table, Guid contractId, SavedItemDiff diff, Dictionary<Guid, Guid> owners,
        DateTimeOffset now, List<Guid>? items, CancellationToken cancellationToken)
    {
        var lists = await SystemListsOfAsync(table.SystemList, contractId, diff.Imported.Select(id => owners[id]).ToHashSet(), now, cancellationToken);
        var entries = await table.SystemEntriesAsync(contractId, items, cancellationToken);
        var listed = entries.Select(e => e.ItemId).ToHashSet();
        await db.SaveChangesAsync(cancellationToken);
        await db.InsertAsync(diff.Imported.Where(id => !listed.Contains(id)).Select(id => table.Entry(lists[owners[id]], id, now)).ToList(), cancellationToken);
        // By the entries' own ids: lists and items together made SQLite probe every list for every item.
        var unlisted = entries.Where(e => diff.NoLongerImported.Contains(e.ItemId)).Select(e => e.Id).ToList();
        foreach (var slice in unlisted.Chunk(DeleteSlice))
        {
            await db.SavedListEntries.Where(e => slice.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The owners' system list of the kind, made for owners who have none yet (the same as <see cref="EnsureSystemLists"/> makes).</summary>
    private async Task<Dictionary<Guid, Guid>> SystemListsOfAsync(SystemListDefinition definition, Guid contractId, HashSet<Guid> ownerIds,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lists = await db.SavedLists.Where(l => l.ContractId == contractId && l.SystemKey == definition.Key)
            .ToDictionaryAsync(l => l.OwnerId, l => l.Id, cancellationToken);
        foreach (var owner in ownerIds.Where(o => !lists.ContainsKey(o)))
        {
            var list = new SavedList
            {
                ContractId = contractId, OwnerId = owner, Name = definition.Name, Kind = definition.Kind, SystemKey = definition.Key, CreatedAt = now,
            };
            db.SavedLists.Add(list);
            lists[owner] = list.Id;
        }
        return lists;
    }
}
