using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.FetchXml;

/// <summary>
/// Sorts FetchXML results as Dataverse does (FetchXml: order rows): the entity's orders first, then the
/// link-entities' orders; lookups by the related row's primary name and choices by their label unless
/// <c>useraworderby</c>; NULL first when ascending, as in SQL Server; the primary key last, so paging is stable.
/// </summary>
public sealed class FetchOrdering
{
    private readonly OrgStore _store;
    private readonly bool _raw;

    public FetchOrdering(FetchQuery query, OrgStore store)
    {
        _store = store;
        _raw = query.UseRawOrderBy;
        Orders = query.Entity.Orders.Concat(LinkOrders(query.Entity)).ToList();
    }

    public IReadOnlyList<FetchOrder> Orders { get; }

    /// <summary>Whether every order is on the main entity: only then Dataverse returns a paging cookie.</summary>
    public bool SupportsPagingCookie => Orders.All(o => o.EntityAlias is null);

    public void Sort(List<FetchResultRow> rows)
    {
        var keyed = rows.Select(r => (Row: r, Key: KeyOf(r))).ToList();
        keyed.Sort((a, b) => Compare(a.Key, b.Key));
        rows.Clear();
        rows.AddRange(keyed.Select(k => k.Row));
    }

    /// <summary>The sort values of a row: one per order, then the main row's id.</summary>
    public object?[] KeyOf(FetchResultRow row)
    {
        var key = new object?[Orders.Count + 1];
        for (var i = 0; i < Orders.Count; i++)
        {
            var order = Orders[i];
            var source = row.RowFor(order.EntityAlias);
            key[i] = source is null ? null : SortValue(order.Attribute, FetchJoins.ValueOf(source, order.Attribute));
        }
        key[^1] = row.Main.Id;
        return key;
    }

    public int Compare(object?[] a, object?[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var descending = i < Orders.Count && Orders[i].Descending;
            var result = (a[i], b[i]) switch
            {
                (null, null) => 0,
                (null, _) => -1,
                (_, null) => 1,
                var (x, y) => ConditionEvaluator.Compare(x!, y!),
            };
            if (result != 0) return descending ? -result : result;
        }
        return 0;
    }

    /// <summary>Whether the column sorts by text (a label or a related row's name) rather than its stored value.</summary>
    public bool SortsByText(AttributeDefinition attribute) => attribute.Type.IsLookup() || (attribute.Type.IsChoice() && !_raw);

    private object? SortValue(AttributeDefinition attribute, object? value) => value is null
        ? null
        : SortsByText(attribute) ? FormattedValues.Format(attribute, value, _store) ?? "" : ConditionEvaluator.Normalize(value);

    private static IEnumerable<FetchOrder> LinkOrders(FetchEntity entity) =>
        entity.Links.SelectMany(l => l.Entity.Orders.Concat(LinkOrders(l.Entity)));
}
