using System.Text.Json;
using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.Customization;

/// <summary>
/// Turns an <c>AttributeMetadata</c> body (a derived type named by <c>@odata.type</c>: String, Memo, Integer,
/// Decimal, Double, Money, Boolean, DateTime, Picklist, BigInt) into a column definition. Lookups are created
/// with their relationship (<c>RelationshipDefinitions</c>), which the emulator does not take.
/// </summary>
internal static class AttributeMetadataReader
{
    private static readonly Dictionary<string, AttributeType> Types = new(StringComparer.Ordinal)
    {
        ["StringAttributeMetadata"] = AttributeType.String,
        ["MemoAttributeMetadata"] = AttributeType.Memo,
        ["IntegerAttributeMetadata"] = AttributeType.Integer,
        ["DecimalAttributeMetadata"] = AttributeType.Decimal,
        ["DoubleAttributeMetadata"] = AttributeType.Double,
        ["MoneyAttributeMetadata"] = AttributeType.Money,
        ["BooleanAttributeMetadata"] = AttributeType.Boolean,
        ["DateTimeAttributeMetadata"] = AttributeType.DateTime,
        ["PicklistAttributeMetadata"] = AttributeType.Picklist,
        ["BigIntAttributeMetadata"] = AttributeType.BigInt,
    };

    /// <summary>Option values of new choices start at the publisher's option value prefix times 10,000.</summary>
    public static AttributeDefinition Read(JsonElement body, string table, int optionValuePrefix)
    {
        if (body.ValueKind != JsonValueKind.Object) throw CustomizationErrors.Invalid("An attribute definition must be a JSON object.");
        var schemaName = MetadataJson.RequiredSchemaName(body, "attribute");
        var typeName = MetadataJson.TypeName(body) ?? (MetadataJson.Text(body, "AttributeType") is { } code ? code + "AttributeMetadata" : null);
        if (typeName == "LookupAttributeMetadata")
        {
            throw CustomizationErrors.Invalid(
                $"Lookup column {schemaName} cannot be created on its own: create it with its one-to-many relationship (RelationshipDefinitions).");
        }
        if (typeName is null || !Types.TryGetValue(typeName, out var type))
        {
            throw CustomizationErrors.Invalid($"The attribute type '{typeName}' of {schemaName} is not supported.");
        }
        var logicalName = schemaName.ToLowerInvariant();
        return new AttributeDefinition
        {
            LogicalName = logicalName,
            Type = type,
            DisplayName = MetadataJson.Label(body, "DisplayName"),
            MaxLength = type switch
            {
                AttributeType.String => MetadataJson.Number(body, "MaxLength") ?? 100,
                AttributeType.Memo => MetadataJson.Number(body, "MaxLength") ?? 2000,
                _ => null,
            },
            OptionSet = type == AttributeType.Picklist ? Options(body, $"{table}_{logicalName}", optionValuePrefix) : null,
            IsCustomAttribute = true,
            IsPrimaryName = MetadataJson.Flag(body, "IsPrimaryName"),
            RequiredLevel = body.TryGetProperty("RequiredLevel", out var level) && level.ValueKind == JsonValueKind.Object
                ? MetadataJson.Text(level, "Value") ?? "None"
                : "None",
        };
    }

    private static OptionSetDefinition Options(JsonElement body, string name, int optionValuePrefix)
    {
        if (!body.TryGetProperty("OptionSet", out var set) || set.ValueKind != JsonValueKind.Object
            || !set.TryGetProperty("Options", out var options) || options.ValueKind != JsonValueKind.Array)
        {
            throw CustomizationErrors.Invalid($"The choice column {name} must define OptionSet.Options (global choices are not supported).");
        }
        var next = optionValuePrefix * 10000;
        var values = options.EnumerateArray()
            .Select(o => new OptionDefinition(MetadataJson.Number(o, "Value") ?? next++, MetadataJson.Label(o, "Label") ?? ""))
            .ToArray();
        return new OptionSetDefinition(name, values);
    }
}
