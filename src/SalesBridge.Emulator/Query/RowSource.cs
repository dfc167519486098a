using System.Runtime.CompilerServices;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Query;

/// <summary>
/// A table's rows in primary-key order, with a snapshot object that changes whenever they do (the store rebuilds
/// its sorted array after every write), so cached results can be checked by reference. <c>activitypointer</c>
/// reads the merged rows of every activity table.
/// </summary>
internal sealed class RowSource
{
    private static readonly ConditionalWeakTable<OrgStore, StrongBox<UnionSnapshot?>> Unions = new();

    private RowSource(IReadOnlyList<EntityRow> rows, object snapshot)
    {
        Rows = rows;
        Snapshot = snapshot;
    }

    public IReadOnlyList<EntityRow> Rows { get; }
    public object Snapshot { get; }

    public static RowSource Of(OrgStore store, TableDefinition table)
    {
        if (!table.IsActivityUnion)
        {
            var rows = store.Table(table.LogicalName).InKeyOrder();
            return new RowSource(rows, rows);
        }
        var parts = store.Schema.ActivityTables.Select(t => store.Table(t.LogicalName).InKeyOrder()).ToArray();
        var box = Unions.GetOrCreateValue(store);
        var current = box.Value;
        if (current is null || !current.Matches(parts))
        {
            current = new UnionSnapshot(parts, Merge(parts));
            box.Value = current;
        }
        return new RowSource(current.Merged, current);
    }

    /// <summary>The index of the first row whose id is greater than <paramref name="id"/>.</summary>
    public int IndexAfter(Guid id)
    {
        int low = 0, high = Rows.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Rows[mid].Id.CompareTo(id) <= 0) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    private static EntityRow[] Merge(IReadOnlyList<EntityRow>[] parts)
    {
        var merged = parts.SelectMany(p => p).ToArray();
        Array.Sort(merged, static (a, b) => a.Id.CompareTo(b.Id));
        return merged;
    }

    private sealed record UnionSnapshot(IReadOnlyList<EntityRow>[] Parts, EntityRow[] Merged)
    {
        public bool Matches(IReadOnlyList<EntityRow>[] parts) =>
            parts.Length == Parts.Length && parts.Select((p, i) => ReferenceEquals(p, Parts[i])).All(same => same);
    }
}
