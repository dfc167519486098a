using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Query;

/// <summary>One page of a query's rows, whether more follow, and the capped count when asked for.</summary>
internal sealed record Page(IReadOnlyList<EntityRow> Rows, bool HasMore, int? Count);

/// <summary>
/// Reads one page. Queries in key order scan forward from the resume point (binary-searched), so each page costs
/// only its own rows; ordered queries sort once and keep the sorted rows in <see cref="ResultCache"/> for later pages.
/// </summary>
internal static class PageReader
{
    public static Page Read(OrgStore store, TableDefinition table, Func<EntityRow, bool>? predicate, RowOrder order,
        string? cacheKey, PagePosition? resumeAfter, int size, bool count)
    {
        var source = RowSource.Of(store, table);
        return order.IsKeyOrder
            ? ReadInKeyOrder(source, predicate, resumeAfter, size, count)
            : ReadSorted(store, source, predicate, order, cacheKey, resumeAfter, size, count);
    }

    /// <summary>How many rows match, up to one past <see cref="PagingPolicy.CountLimit"/> (enough to tell it was exceeded).</summary>
    public static int CountMatches(OrgStore store, TableDefinition table, Func<EntityRow, bool>? predicate)
    {
        var rows = RowSource.Of(store, table).Rows;
        return predicate is null ? rows.Count : CountFrom(rows, predicate);
    }

    private static Page ReadInKeyOrder(RowSource source, Func<EntityRow, bool>? predicate, PagePosition? resumeAfter, int size, bool count)
    {
        var rows = source.Rows;
        var start = resumeAfter is null ? 0 : source.IndexAfter(resumeAfter.LastId);
        var page = new List<EntityRow>(Math.Min(size + 1, Math.Max(0, rows.Count - start)));
        for (var i = start; i < rows.Count && page.Count <= size; i++)
        {
            if (predicate is null || predicate(rows[i])) page.Add(rows[i]);
        }
        int? total = null;
        if (count)
        {
            total = predicate is null ? rows.Count : CountFrom(rows, predicate);
        }
        return Finish(page, size, total);
    }

    private static int CountFrom(IReadOnlyList<EntityRow> rows, Func<EntityRow, bool> predicate)
    {
        var matches = 0;
        for (var i = 0; i < rows.Count && matches <= PagingPolicy.CountLimit; i++)
        {
            if (predicate(rows[i])) matches++;
        }
        return matches;
    }

    private static Page ReadSorted(OrgStore store, RowSource source, Func<EntityRow, bool>? predicate, RowOrder order,
        string? cacheKey, PagePosition? resumeAfter, int size, bool count)
    {
        EntityRow[] Compute()
        {
            var matching = predicate is null ? source.Rows.ToArray() : source.Rows.Where(predicate).ToArray();
            Array.Sort(matching, order);
            return matching;
        }
        var sorted = cacheKey is null ? Compute() : ResultCache.For(store).GetOrAdd(cacheKey, source.Snapshot, Compute);
        var start = resumeAfter is null ? 0 : IndexAfter(sorted, order, resumeAfter);
        var take = Math.Min(size + 1, sorted.Length - start);
        var page = new ArraySegment<EntityRow>(sorted, start, Math.Max(0, take));
        return Finish(page, size, count ? sorted.Length : null);
    }

    private static int IndexAfter(EntityRow[] sorted, RowOrder order, PagePosition position)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (order.CompareToPosition(sorted[mid], position) <= 0) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    private static Page Finish(IReadOnlyList<EntityRow> rows, int size, int? count) =>
        rows.Count > size
            ? new Page(rows is ArraySegment<EntityRow> segment ? segment[..size] : ((List<EntityRow>)rows).GetRange(0, size), true, count)
            : new Page(rows, false, count);
}
