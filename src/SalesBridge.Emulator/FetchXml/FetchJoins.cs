using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.FetchXml;

/// <summary>
/// Reads the rows of a FetchXML query's tables the caller may see, joins the link-entities (inner or left
/// outer) and applies the filters. A link-entity's own filter restricts which rows join, as in SQL's ON clause.
/// </summary>
public sealed class FetchJoins(EmulatedOrg org, Caller caller)
{
    private readonly Dictionary<FetchLink, ILookup<object, EntityRow>> _indexes = new(ReferenceEqualityComparer.Instance);

    public List<FetchResultRow> Rows(FetchEntity entity)
    {
        var scope = org.Security.ReadScope(caller, entity.Table);
        var results = new List<FetchResultRow>();
        foreach (var row in TableRows(entity.Table))
        {
            if (scope is not null && !scope(row)) continue;
            var partial = new List<Dictionary<string, EntityRow?>> { new(StringComparer.Ordinal) };
            foreach (var link in entity.Links) partial = Join(link, row, partial);
            foreach (var linked in partial)
            {
                var candidate = new FetchResultRow(row, linked);
                if (entity.Filter is null || FilterMatches(entity.Filter, candidate, null)) results.Add(candidate);
            }
        }
        return results;
    }

    private List<Dictionary<string, EntityRow?>> Join(FetchLink link, EntityRow parent, List<Dictionary<string, EntityRow?>> partial)
    {
        var key = ConditionEvaluator.Normalize(ValueOf(parent, link.To));
        var matches = key is null ? [] : Index(link)[key].ToList();
        var alias = link.Entity.Alias!;
        var result = new List<Dictionary<string, EntityRow?>>();
        foreach (var linked in partial)
        {
            var joined = false;
            foreach (var match in matches)
            {
                var next = new Dictionary<string, EntityRow?>(linked, StringComparer.Ordinal) { [alias] = match };
                var expanded = new List<Dictionary<string, EntityRow?>> { next };
                foreach (var child in link.Entity.Links) expanded = Join(child, match, expanded);
                foreach (var candidate in expanded)
                {
                    if (link.Entity.Filter is null || FilterMatches(link.Entity.Filter, new FetchResultRow(parent, candidate), alias))
                    {
                        result.Add(candidate);
                        joined = true;
                    }
                }
            }
            if (!joined && link.Outer)
            {
                var empty = new Dictionary<string, EntityRow?>(linked, StringComparer.Ordinal) { [alias] = null };
                foreach (var nested in AllAliases(link.Entity)) empty[nested] = null;
                result.Add(empty);
            }
        }
        return result;
    }

    private ILookup<object, EntityRow> Index(FetchLink link)
    {
        if (_indexes.TryGetValue(link, out var index)) return index;
        var scope = org.Security.ReadScope(caller, link.Entity.Table);
        index = TableRows(link.Entity.Table)
            .Where(r => scope is null || scope(r))
            .Select(r => (Key: ConditionEvaluator.Normalize(ValueOf(r, link.From)), Row: r))
            .Where(p => p.Key is not null)
            .ToLookup(p => p.Key!, p => p.Row);
        _indexes[link] = index;
        return index;
    }

    private static IEnumerable<string> AllAliases(FetchEntity entity) =>
        entity.Links.SelectMany(l => AllAliases(l.Entity).Prepend(l.Entity.Alias!));

    /// <summary><paramref name="ownAlias"/>: the entity whose filter this is (null for the main entity); conditions without entityname read its row.</summary>
    public static bool FilterMatches(FetchFilter filter, FetchResultRow row, string? ownAlias)
    {
        var results = filter.Conditions.Select(c =>
        {
            var target = row.RowFor(c.EntityAlias ?? ownAlias);
            return ConditionEvaluator.Matches(c, target is null ? null : ValueOf(target, c.Attribute));
        }).Concat(filter.Filters.Select(f => FilterMatches(f, row, ownAlias)));
        return filter.IsOr ? results.Any(r => r) : results.All(r => r);
    }

    public static object? ValueOf(EntityRow row, AttributeDefinition column) => Protocol.RowJsonWriter.ValueOf(row, column);

    /// <summary>Rows in primary-key order; the activity union reads every activity table.</summary>
    private IEnumerable<EntityRow> TableRows(TableDefinition table) => table.IsActivityUnion
        ? org.Schema.ActivityTables.SelectMany(t => org.Store.Table(t.LogicalName).InKeyOrder()).OrderBy(r => r.Id)
        : org.Store.Table(table.LogicalName).InKeyOrder();
}
