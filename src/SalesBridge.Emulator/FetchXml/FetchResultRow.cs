using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.FetchXml;

/// <summary>One row of a FetchXML result: a row of the main table and, per link-entity alias, the joined row (null for an outer join without a match).</summary>
public sealed record FetchResultRow(EntityRow Main, IReadOnlyDictionary<string, EntityRow?> Linked)
{
    public EntityRow? RowFor(string? alias) => alias is null ? Main : Linked.GetValueOrDefault(alias);
}
