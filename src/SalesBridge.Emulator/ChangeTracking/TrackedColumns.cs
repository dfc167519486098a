using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.ChangeTracking;

/// <summary>The <c>$select</c> of a change-tracking read; the primary key is always returned.</summary>
internal static class TrackedColumns
{
    public static IReadOnlyList<AttributeDefinition> From(string select, TableDefinition table)
    {
        if (string.IsNullOrWhiteSpace(select)) return table.Attributes;
        var columns = new List<AttributeDefinition>();
        foreach (var name in select.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var column = table.FindProperty(name) ?? throw DataverseErrors.UnknownProperty(table, name);
            if (!columns.Contains(column)) columns.Add(column);
        }
        if (!columns.Contains(table.PrimaryId)) columns.Add(table.PrimaryId);
        return columns;
    }
}
