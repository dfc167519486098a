using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.ChangeTracking;

/// <summary>
/// One page of a change-tracking read: rows whose version falls in the cursor's window, in key order, then (for
/// delta reads) the ids deleted in that window. A scan of the key-ordered rows comparing versions is cheap
/// enough for 200,000 rows; resuming uses a binary search on the id.
/// </summary>
internal sealed record TrackedPage(IReadOnlyList<EntityRow> Rows, IReadOnlyList<Guid> Deleted, TrackingCursor? Next)
{
    public static TrackedPage Read(OrgStore store, TableDefinition table, TrackingCursor cursor, int pageSize, bool includeDeletions)
    {
        var rows = new List<EntityRow>();
        var deleted = new List<Guid>();
        if (!cursor.InDeletions)
        {
            var ordered = store.Table(table.LogicalName).InKeyOrder();
            for (var i = StartAfter(ordered, cursor.After); i < ordered.Count; i++)
            {
                var row = ordered[i];
                if (row.Version <= cursor.From || row.Version > cursor.To) continue;
                if (rows.Count == pageSize) return new TrackedPage(rows, deleted, cursor with { After = rows[^1].Id });
                rows.Add(row);
            }
        }
        if (!includeDeletions) return new TrackedPage(rows, deleted, null);
        var after = cursor.InDeletions ? cursor.After : Guid.Empty;
        var tableStore = store.Table(table.LogicalName);
        foreach (var id in store.TombstonesSince(cursor.From)
                     .Where(t => t.Table == table.LogicalName && t.Version <= cursor.To && tableStore.Find(t.Id) is null)
                     .Select(t => t.Id).Distinct().Order().SkipWhile(id => cursor.InDeletions && id.CompareTo(after) <= 0))
        {
            if (rows.Count + deleted.Count == pageSize) return new TrackedPage(rows, deleted, cursor with { InDeletions = true, After = deleted.Count > 0 ? deleted[^1] : after });
            deleted.Add(id);
        }
        return new TrackedPage(rows, deleted, null);
    }

    private static int StartAfter(IReadOnlyList<EntityRow> ordered, Guid after)
    {
        if (after == Guid.Empty) return 0;
        int low = 0, high = ordered.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (ordered[middle].Id.CompareTo(after) <= 0) low = middle + 1;
            else high = middle;
        }
        return low;
    }
}
