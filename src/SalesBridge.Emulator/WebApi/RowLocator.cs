using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.WebApi;

/// <summary>Finds the row a key addresses: by primary key, or by the values of one of the table's alternate keys.</summary>
public static class RowLocator
{
    public static EntityRow Find(OrgStore store, TableDefinition table, KeyParameters key, string keyText) =>
        TryFind(store, table, key, keyText) ?? throw NotFound(table, key, keyText);

    public static EntityRow? TryFind(OrgStore store, TableDefinition table, KeyParameters key, string keyText)
    {
        if (key.Id is { } id) return store.Find(table.LogicalName, id);
        var values = KeyValues(table, key, keyText);
        if (values.Count == 1 && values.TryGetValue(table.PrimaryIdAttribute, out var primary) && primary is Guid pk)
        {
            return store.Find(table.LogicalName, pk);
        }
        var alternate = table.FindKey(values.Keys) ?? throw DataverseErrors.BadRequest(
            $"The key '{keyText}' does not match any alternate key defined for the '{table.LogicalName}' entity.");
        return store.FindTable(table.LogicalName)?.FindByKey(alternate, values);
    }

    /// <summary>The typed column values named in an alternate-key segment (lookups as <c>_x_value=guid</c>).</summary>
    public static Dictionary<string, object?> KeyValues(TableDefinition table, KeyParameters key, string keyText)
    {
        if (key.Id is { } id) return new() { [table.PrimaryIdAttribute] = id };
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, literal) in key.Named)
        {
            var column = table.FindProperty(name) ?? table.FindAttribute(name) ?? throw ResourcePath.InvalidKey(keyText);
            var value = ResourcePath.ParseLiteral(literal);
            values[column.LogicalName] = column.Type.IsLookup() && value is Guid g && column.Targets.Count > 0
                ? new EntityReference(column.Targets[0], g)
                : value;
        }
        return values;
    }

    public static DataverseFault NotFound(TableDefinition table, KeyParameters key, string keyText) =>
        key.Id is { } id ? DataverseErrors.RowNotFound(table.LogicalName, id) : DataverseErrors.RowNotFoundByKey(table.LogicalName, keyText);
}
