using Microsoft.OData.UriParser;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Query;

/// <summary>
/// The order of a query's rows: the <c>$orderby</c> columns, then the primary key, so that the order is total
/// and paging resumes exactly. Nulls sort first ascending (last descending), strings case-insensitively.
/// </summary>
internal sealed class RowOrder : IComparer<EntityRow>
{
    private readonly (AttributeDefinition Column, bool Descending)[] _keys;

    private RowOrder((AttributeDefinition Column, bool Descending)[] keys) => _keys = keys;

    public static readonly RowOrder PrimaryKey = new([]);

    /// <summary>The <c>$orderby</c> columns, without the primary key that always ends the order.</summary>
    public IReadOnlyList<(AttributeDefinition Column, bool Descending)> Keys => _keys;

    public bool IsKeyOrder => _keys.Length == 0;

    public static RowOrder From(OrderByClause? clause, TableDefinition table, IDictionary<string, SingleValueNode>? aliases = null)
    {
        var keys = new List<(AttributeDefinition, bool)>();
        for (var item = clause; item is not null; item = item.ThenBy)
        {
            var node = item.Expression is ConvertNode convert ? convert.Source : item.Expression;
            if (node is ParameterAliasNode alias && aliases?.TryGetValue(alias.Alias, out var aliased) == true) node = aliased;
            if (node is ConvertNode inner) node = inner.Source;
            if (node is not SingleValuePropertyAccessNode property)
            {
                throw QueryErrors.Syntax("Only columns of the table can be used in $orderby.");
            }
            var column = table.FindProperty(property.Property.Name) ?? throw DataverseErrors.UnknownProperty(table, property.Property.Name);
            // Ordering by the primary key is what the tie-break does anyway; keeping it once keeps cookies short.
            if (column.IsPrimaryId && item.Direction == OrderByDirection.Ascending && item.ThenBy is null) break;
            keys.Add((column, item.Direction == OrderByDirection.Descending));
        }
        return keys.Count == 0 ? PrimaryKey : new RowOrder(keys.ToArray());
    }

    public int Compare(EntityRow? x, EntityRow? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        foreach (var (column, descending) in _keys)
        {
            var result = ValueComparer.Compare(RowJsonWriter.ValueOf(x, column), RowJsonWriter.ValueOf(y, column));
            if (result != 0) return descending ? -result : result;
        }
        return x.Id.CompareTo(y.Id);
    }

    /// <summary>Compares a row with a resume position (the sort values and id of the last row of a page).</summary>
    public int CompareToPosition(EntityRow row, PagePosition position)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            var (column, descending) = _keys[i];
            var result = ValueComparer.Compare(RowJsonWriter.ValueOf(row, column), position.Values[i]);
            if (result != 0) return descending ? -result : result;
        }
        return row.Id.CompareTo(position.LastId);
    }

    public PagePosition PositionOf(EntityRow row) =>
        new(_keys.Select(k => RowJsonWriter.ValueOf(row, k.Column) is EntityReference r ? (object)r.Id : RowJsonWriter.ValueOf(row, k.Column)).ToArray(), row.Id);
}

/// <summary>Where the next page starts: after the row with these sort values and this id.</summary>
internal sealed record PagePosition(object?[] Values, Guid LastId);
