using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.ChangeTracking;

/// <summary>
/// A table's rows in row-version order, so that a delta read finds the rows changed after a token by binary search
/// instead of scanning the table. Built from the table's key-ordered snapshot (the store swaps that array after every
/// write) and reused for as long as the snapshot stands: one sort per burst of writes, not one scan per request.
/// </summary>
/// <remarks>
/// The store offers no write notification, so the index cannot be kept up to date row by row; a hook in
/// <c>TableStore.Put</c>/<c>Remove</c> would make it incremental. Every write takes a new org-wide version, so versions
/// are unique within a table and order the rows totally.
/// </remarks>
internal sealed class VersionIndex
{
    private volatile Snapshot? _current;

    public Snapshot For(IReadOnlyList<EntityRow> keyOrdered)
    {
        var current = _current;
        if (current is not null && ReferenceEquals(current.Source, keyOrdered)) return current;
        var rows = keyOrdered.ToArray();
        var versions = new long[rows.Length];
        for (var i = 0; i < rows.Length; i++) versions[i] = rows[i].Version;
        Array.Sort(versions, rows);
        current = new Snapshot(keyOrdered, versions, rows);
        _current = current;
        return current;
    }

    internal sealed record Snapshot(object Source, long[] Versions, EntityRow[] Rows)
    {
        /// <summary>The index of the first row whose version is greater than <paramref name="version"/>.</summary>
        public int FirstAfter(long version)
        {
            int low = 0, high = Versions.Length;
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (Versions[mid] <= version) low = mid + 1;
                else high = mid;
            }
            return low;
        }
    }
}
