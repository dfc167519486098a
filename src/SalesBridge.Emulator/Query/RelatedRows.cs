using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Query;

/// <summary>The rows a collection-valued navigation property leads to, for <c>$expand</c> and <c>any</c>/<c>all</c>.</summary>
internal static class RelatedRows
{
    /// <summary>
    /// One-to-many: the target rows that pass <paramref name="predicate"/>, grouped by the parent their lookup points
    /// at, in one pass over the target table (so a page of parents costs one scan, not one per parent).
    /// </summary>
    public static Dictionary<Guid, List<EntityRow>> ByParent(OrgStore store, NavigationProperty navigation, TableDefinition target,
        Func<EntityRow, bool>? predicate)
    {
        var index = new Dictionary<Guid, List<EntityRow>>();
        foreach (var row in RowSource.Of(store, target).Rows)
        {
            var reference = row.Reference(navigation.LookupAttribute!);
            if (reference is null || !PointsAtSource(store.Schema, navigation, reference)) continue;
            if (predicate is not null && !predicate(row)) continue;
            if (!index.TryGetValue(reference.Id, out var list)) index[reference.Id] = list = [];
            list.Add(row);
        }
        return index;
    }

    // A party's activityid names its concrete activity table; through activitypointer (the union) it belongs to
    // the union's row with the same id.
    private static bool PointsAtSource(OrgSchema schema, NavigationProperty navigation, EntityReference reference) =>
        reference.Table == navigation.SourceTable
        || (schema.FindTable(navigation.SourceTable) is { IsActivityUnion: true } && schema.FindTable(reference.Table) is { IsActivity: true });

    /// <summary>Many-to-many: the rows associated with <paramref name="parentId"/> that pass <paramref name="predicate"/>.</summary>
    public static IEnumerable<EntityRow> Associated(OrgStore store, NavigationProperty navigation, TableDefinition target, Guid parentId,
        Func<EntityRow, bool>? predicate)
    {
        var relationship = store.Schema.ManyToManyRelationships.First(r => r.SchemaName == navigation.RelationshipSchemaName);
        foreach (var id in store.Associated(relationship, navigation.SourceTable, parentId))
        {
            if (store.Find(target.LogicalName, id) is { } row && (predicate is null || predicate(row))) yield return row;
        }
    }
}
