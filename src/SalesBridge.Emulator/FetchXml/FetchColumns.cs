using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.FetchXml;

/// <summary>A value a FetchXML result row returns: the main entity's under its property name (or alias), a linked one as <c>alias.column</c>.</summary>
public sealed record ProjectedColumn(string? Name, TableDefinition Table, AttributeDefinition Attribute, object? Value);

public static class FetchColumns
{
    /// <summary>
    /// The main entity's columns: those named, or all when none are named or <c>all-attributes</c> is given, and
    /// the primary key unless the query is distinct (a key would make every row distinct).
    /// </summary>
    public static IEnumerable<(AttributeDefinition Attribute, string? Alias)> MainColumns(FetchQuery query)
    {
        var entity = query.Entity;
        if (entity.AllColumns || entity.Columns.Count == 0) return entity.Table.Attributes.Select(a => (a, (string?)null));
        var named = entity.Columns.Select(c => (c.Attribute, c.Alias)).ToList();
        if (!query.Distinct && !named.Any(c => c.Attribute.IsPrimaryId && c.Alias is null)) named.Add((entity.Table.PrimaryId, null));
        return named;
    }

    /// <summary>Every value the row returns, main entity first, then each link-entity in document order.</summary>
    public static IEnumerable<ProjectedColumn> Projected(FetchQuery query, FetchResultRow row)
    {
        foreach (var (attribute, alias) in MainColumns(query))
        {
            yield return new ProjectedColumn(alias, query.Entity.Table, attribute, FetchJoins.ValueOf(row.Main, attribute));
        }
        foreach (var column in Linked(query.Entity, row)) yield return column;
    }

    private static IEnumerable<ProjectedColumn> Linked(FetchEntity entity, FetchResultRow row)
    {
        foreach (var link in entity.Links)
        {
            var linked = link.Entity;
            var source = row.RowFor(linked.Alias);
            var columns = linked.AllColumns
                ? linked.Table.Attributes.Select(a => new FetchColumn(a, null))
                : linked.Columns;
            foreach (var column in columns)
            {
                yield return new ProjectedColumn($"{linked.Alias}.{column.Alias ?? column.Attribute.LogicalName}", linked.Table,
                    column.Attribute, source is null ? null : FetchJoins.ValueOf(source, column.Attribute));
            }
            foreach (var nested in Linked(linked, row)) yield return nested;
        }
    }
}
