using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.ChangeTracking;

/// <summary>Where a delta page resumes: after this version, among the changed rows or already among the deletions.</summary>
internal readonly record struct DeltaPosition(bool InDeletions, long LastVersion)
{
    public static readonly DeltaPosition Start = new(false, long.MinValue);
}

/// <summary>
/// One page of the changes in (from, to]: rows created or updated (current state, each once, by version), then the rows
/// deleted (by version). A row created and deleted in between shows only as deleted, as the docs say Dataverse does.
/// </summary>
internal sealed record DeltaPage(IReadOnlyList<EntityRow> Rows, IReadOnlyList<Tombstone> Deletions, bool HasMore)
{
    public static DeltaPage Read(OrgStore store, VersionIndex index, TableDefinition table, long from, long to,
        DeltaPosition position, Func<EntityRow, bool>? scope, int size)
    {
        var rows = new List<EntityRow>();
        var deletions = new List<Tombstone>();
        if (!position.InDeletions)
        {
            // Rows changed again after `to` hold their newer version now and come with the next delta instead.
            var byVersion = index.For(store.Table(table.LogicalName).InKeyOrder());
            var end = byVersion.FirstAfter(to);
            for (var i = byVersion.FirstAfter(Math.Max(from, position.LastVersion)); i < end && rows.Count <= size; i++)
            {
                var row = byVersion.Rows[i];
                if (scope is null || scope(row)) rows.Add(row);
            }
        }
        if (rows.Count <= size)
        {
            var after = position.InDeletions ? Math.Max(from, position.LastVersion) : from;
            foreach (var tombstone in Deleted(store, table, after, to))
            {
                if (rows.Count + deletions.Count > size) break;
                deletions.Add(tombstone);
            }
        }
        var hasMore = rows.Count + deletions.Count > size;
        if (hasMore)
        {
            if (deletions.Count > 0) deletions.RemoveAt(deletions.Count - 1);
            else rows.RemoveAt(rows.Count - 1);
        }
        return new DeltaPage(rows, deletions, hasMore);
    }

    /// <summary>Where the page after this one starts.</summary>
    public DeltaPosition Next => Deletions.Count > 0 ? new(true, Deletions[^1].Version) : new(false, Rows[^1].Version);

    // A row deleted twice (re-created in between) is reported once; one that exists again is reported as a row instead.
    private static IEnumerable<Tombstone> Deleted(OrgStore store, TableDefinition table, long after, long to)
    {
        var rows = store.Table(table.LogicalName);
        return store.TombstonesSince(after)
            .Where(t => t.Table == table.LogicalName && t.Version <= to)
            .GroupBy(t => t.Id)
            .Select(g => g.MaxBy(t => t.Version)!)
            .Where(t => rows.Find(t.Id) is null)
            .OrderBy(t => t.Version);
    }
}
