using System.Globalization;
using System.Text.Json;
using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.WebApi;

/// <summary>
/// Turns a request body into typed column values: JSON values checked against each column's type,
/// <c>&lt;navigation&gt;@odata.bind</c> resolved to lookup values. Other annotations are ignored. An activity's
/// parties may be created with it (deep insert of <c>&lt;activity&gt;_activity_parties</c>); other deep inserts are refused.
/// </summary>
public sealed class PayloadReader(EntityReferenceParser references, OrgSchema schema)
{
    public static async Task<JsonDocument> ParseBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            throw DataverseErrors.BadRequest($"Invalid JSON. The request body could not be read: {ex.Message}", DataverseErrors.QueryParseError);
        }
    }

    public Dictionary<string, object?> Read(TableDefinition table, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw DataverseErrors.BadRequest($"The request body must be a JSON object describing a '{table.QualifiedTypeName}'.", DataverseErrors.QueryParseError);
        }
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            var name = property.Name;
            var at = name.IndexOf('@');
            if (at == 0) continue;
            if (at > 0)
            {
                if (name[(at + 1)..] == "odata.bind") Bind(table, name[..at], property.Value, values);
                continue;
            }
            var column = table.FindAttribute(name);
            if (column is null || column.Type.IsLookup())
            {
                if (schema.FindNavigation(table.LogicalName, name) is { } navigation)
                {
                    if (DeepInsertedRows.IsSupported(table, navigation))
                    {
                        values[name] = ReadRelated(navigation, property.Value);
                        continue;
                    }
                    throw DataverseErrors.BadRequest(
                        $"Deep insert of '{name}' is not supported by the emulator; bind existing rows with '{name}@odata.bind'.");
                }
                throw DataverseErrors.InvalidPayloadProperty(table, name);
            }
            values[column.LogicalName] = Convert(column, property.Value);
        }
        return values;
    }

    private DeepInsertedRows ReadRelated(NavigationProperty navigation, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw DataverseErrors.BadRequest(
                $"The value of the collection-valued navigation property '{navigation.Name}' must be a JSON array.", DataverseErrors.QueryParseError);
        }
        var target = schema.GetTable(navigation.TargetTable);
        var rows = value.EnumerateArray().Select(item => Read(target, item)).ToArray();
        return new DeepInsertedRows(navigation, rows);
    }

    private void Bind(TableDefinition table, string navigationName, JsonElement value, Dictionary<string, object?> values)
    {
        var navigation = schema.FindNavigation(table.LogicalName, navigationName);
        if (navigation is null || navigation.IsCollection || navigation.LookupAttribute is null)
        {
            throw DataverseErrors.BadRequest(
                $"An undeclared property '{navigationName}' which only has property annotations in the payload but no property value " +
                $"was found in the payload. In OData, only declared navigation properties and declared named streams can be represented " +
                $"as properties without values.", DataverseErrors.QueryParseError);
        }
        if (value.ValueKind == JsonValueKind.Null)
        {
            values[navigation.LookupAttribute] = null;
            return;
        }
        if (value.ValueKind != JsonValueKind.String) throw DataverseErrors.BadRequest($"The value of '{navigationName}@odata.bind' must be a URL string.");
        var reference = references.Parse(value.GetString()!);
        if (reference.Table != navigation.TargetTable)
        {
            throw DataverseErrors.BadRequest(
                $"A resource of type '{reference.Table}' was bound to '{navigationName}', which expects '{navigation.TargetTable}'.");
        }
        values[navigation.LookupAttribute] = reference;
    }

    public static object? Convert(AttributeDefinition column, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        try
        {
            return column.Type switch
            {
                AttributeType.String or AttributeType.Memo or AttributeType.EntityName when value.ValueKind == JsonValueKind.String => value.GetString(),
                AttributeType.Integer or AttributeType.Picklist or AttributeType.State or AttributeType.Status
                    when value.ValueKind == JsonValueKind.Number => value.GetInt32(),
                AttributeType.BigInt when value.ValueKind == JsonValueKind.Number => value.GetInt64(),
                AttributeType.Decimal or AttributeType.Money when value.ValueKind == JsonValueKind.Number => value.GetDecimal(),
                AttributeType.Double when value.ValueKind == JsonValueKind.Number => value.GetDouble(),
                AttributeType.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False => value.GetBoolean(),
                AttributeType.Uniqueidentifier when value.ValueKind == JsonValueKind.String => Guid.ParseExact(value.GetString()!, "D"),
                AttributeType.DateTime when value.ValueKind == JsonValueKind.String => ParseDate(value.GetString()!),
                _ => throw new FormatException(),
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            throw DataverseErrors.BadRequest(
                $"Cannot convert the literal '{value.GetRawText()}' to the expected type '{EdmTypeName(column.Type)}' of property '{column.LogicalName}'.",
                DataverseErrors.QueryParseError);
        }
    }

    private static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string EdmTypeName(AttributeType type) => type switch
    {
        AttributeType.Integer or AttributeType.Picklist or AttributeType.State or AttributeType.Status => "Edm.Int32",
        AttributeType.BigInt => "Edm.Int64",
        AttributeType.Decimal or AttributeType.Money => "Edm.Decimal",
        AttributeType.Double => "Edm.Double",
        AttributeType.Boolean => "Edm.Boolean",
        AttributeType.DateTime => "Edm.DateTimeOffset",
        AttributeType.Uniqueidentifier or AttributeType.Lookup or AttributeType.Customer or AttributeType.Owner => "Edm.Guid",
        _ => "Edm.String",
    };
}
