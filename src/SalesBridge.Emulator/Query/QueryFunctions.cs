using System.Globalization;
using Microsoft.OData;
using Microsoft.OData.UriParser;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Query;

/// <summary>
/// Dataverse's query functions (<c>Microsoft.Dynamics.CRM.In</c> and <c>NotIn</c>): a column compared with a list of
/// values, each value given as a string and converted to the column's type.
/// </summary>
internal static class QueryFunctions
{
    public static readonly string[] ListFunctions = ["In", "NotIn"];

    public static Func<EntityRow, bool> Compile(SingleValueFunctionCallNode call, TableDefinition table)
    {
        var name = call.Name[(call.Name.LastIndexOf('.') + 1)..];
        var parameters = call.Parameters.OfType<NamedFunctionParameterNode>().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        if (!parameters.TryGetValue("PropertyName", out var nameNode) || nameNode is not ConstantNode { Value: string propertyName }
            || !parameters.TryGetValue("PropertyValues", out var valuesNode) || valuesNode is not ConstantNode { Value: ODataCollectionValue values })
        {
            throw QueryErrors.Syntax($"The function '{call.Name}' needs the parameters PropertyName and PropertyValues.");
        }
        var column = table.FindProperty(propertyName) ?? table.FindAttribute(propertyName)
            ?? throw DataverseErrors.UnknownProperty(table, propertyName);
        var wanted = values.Items.Select(v => Convert(column, v)).ToArray();
        var negate = name == "NotIn";
        return row =>
        {
            var value = RowJsonWriter.ValueOf(row, column);
            if (value is null) return false;
            var found = false;
            foreach (var candidate in wanted)
            {
                if (ValueComparer.Compare(value, candidate) == 0) { found = true; break; }
            }
            return found != negate;
        };
    }

    private static object? Convert(AttributeDefinition column, object? item)
    {
        var text = item switch
        {
            null => null,
            string s => s,
            _ => System.Convert.ToString(item, CultureInfo.InvariantCulture),
        };
        if (text is null) return null;
        try
        {
            return column.Type switch
            {
                AttributeType.Lookup or AttributeType.Customer or AttributeType.Owner or AttributeType.Uniqueidentifier => Guid.Parse(text),
                AttributeType.Picklist or AttributeType.State or AttributeType.Status or AttributeType.Integer => int.Parse(text, CultureInfo.InvariantCulture),
                AttributeType.BigInt => long.Parse(text, CultureInfo.InvariantCulture),
                AttributeType.Money or AttributeType.Decimal => decimal.Parse(text, CultureInfo.InvariantCulture),
                AttributeType.Double => double.Parse(text, CultureInfo.InvariantCulture),
                AttributeType.Boolean => text is "1" || bool.Parse(text),
                AttributeType.DateTime => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                _ => text,
            };
        }
        catch (FormatException)
        {
            throw QueryErrors.Syntax($"The value '{text}' is not valid for the column '{column.PropertyName}'.");
        }
    }
}
