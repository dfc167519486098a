using System.Text.Json.Nodes;
using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.Metadata;

/// <summary>
/// <c>AttributeMetadata</c> and its derived types (StringAttributeMetadata, LookupAttributeMetadata,
/// PicklistAttributeMetadata, ...) as the Web API shows them. The base properties are valid on any
/// attribute; the derived ones only when the request casts to the derived type.
/// </summary>
public static class AttributeMetadataJson
{
    public const string BaseTypeName = "AttributeMetadata";
    public const string Namespace = "Microsoft.Dynamics.CRM.";

    /// <summary>Choice and Boolean attributes have the OptionSet and GlobalOptionSet navigation properties.</summary>
    public static readonly string[] OptionSetNavigations = ["OptionSet", "GlobalOptionSet"];

    public static IReadOnlySet<string> BaseProperties { get; } = Base(SampleTable(), SampleTable().PrimaryId).Select(p => p.Key).ToHashSet();

    /// <summary>Every derived type a client may cast to, e.g. <c>PicklistAttributeMetadata</c>.</summary>
    public static IReadOnlySet<string> DerivedTypeNames { get; } =
        Enum.GetValues<AttributeType>().Select(t => t.ToMetadataTypeName()).ToHashSet(StringComparer.Ordinal);

    public static JsonObject Full(TableDefinition table, AttributeDefinition attribute)
    {
        var json = Base(table, attribute);
        foreach (var (name, value) in Derived(attribute)) json[name] = value;
        return json;
    }

    /// <summary>The properties valid for a type: the base ones, plus the derived type's when cast.</summary>
    public static IReadOnlySet<string> PropertiesOf(string? castType)
    {
        if (castType is null) return BaseProperties;
        var type = Enum.GetValues<AttributeType>().First(t => t.ToMetadataTypeName() == castType);
        return BaseProperties.Concat(Derived(new AttributeDefinition { LogicalName = "x", Type = type }).Select(p => p.Key)).ToHashSet();
    }

    public static bool HasOptionSet(AttributeDefinition attribute) => attribute.Type.IsChoice() || attribute.Type == AttributeType.Boolean;

    private static JsonObject Base(TableDefinition table, AttributeDefinition attribute) => new()
    {
        ["MetadataId"] = attribute.MetadataId(table.LogicalName),
        ["HasChanged"] = null,
        ["AttributeOf"] = attribute.AttributeOf,
        ["AttributeType"] = attribute.Type.ToTypeCode(),
        ["AttributeTypeName"] = new JsonObject { ["Value"] = attribute.Type.ToTypeCode() + "Type" },
        ["ColumnNumber"] = IndexOf(table, attribute) + 1,
        ["Description"] = MetadataLabels.Empty(),
        ["DisplayName"] = MetadataLabels.Label(attribute.EffectiveDisplayName, "attribute", table.LogicalName, attribute.LogicalName),
        ["EntityLogicalName"] = table.LogicalName,
        ["IsCustomAttribute"] = attribute.IsCustomAttribute,
        ["IsCustomizable"] = MetadataLabels.ManagedProperty(true, "iscustomizable"),
        ["IsLogical"] = false,
        ["IsManaged"] = !attribute.IsCustomAttribute,
        ["IsPrimaryId"] = attribute.IsPrimaryId,
        ["IsPrimaryName"] = attribute.IsPrimaryName,
        ["IsSecured"] = false,
        ["IsValidForAdvancedFind"] = MetadataLabels.ManagedProperty(true, "isvalidforadvancedfind"),
        ["IsValidForCreate"] = attribute.IsPrimaryId || (attribute.IsValidForWrite && attribute.Type != AttributeType.State),
        ["IsValidForRead"] = true,
        ["IsValidForUpdate"] = attribute.IsValidForWrite && !attribute.IsPrimaryId,
        ["LogicalName"] = attribute.LogicalName,
        ["SchemaName"] = attribute.SchemaName,
        ["RequiredLevel"] = new JsonObject
        {
            ["Value"] = attribute.RequiredLevel,
            ["CanBeChanged"] = attribute.RequiredLevel != "SystemRequired",
            ["ManagedPropertyLogicalName"] = "canmodifyrequirementlevelsettings",
        },
    };

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Derived(AttributeDefinition attribute)
    {
        JsonNode? Node(object? value) => value is null ? null : JsonValue.Create(value);
        IEnumerable<(string, object?)> properties = attribute.Type switch
        {
            AttributeType.String => [("MaxLength", attribute.MaxLength ?? 100), ("DatabaseLength", (attribute.MaxLength ?? 100) * 2),
                ("Format", "Text"), ("FormatName", new JsonObject { ["Value"] = "Text" })],
            AttributeType.Memo => [("MaxLength", attribute.MaxLength ?? 2000), ("Format", "TextArea")],
            AttributeType.Lookup or AttributeType.Customer or AttributeType.Owner =>
                [("Targets", new JsonArray(attribute.Targets.Select(t => (JsonNode?)t).ToArray())), ("Format", null)],
            AttributeType.Money => [("Precision", 2), ("PrecisionSource", 2), ("MinValue", -922337203685477m), ("MaxValue", 922337203685477m),
                ("IsBaseCurrency", false)],
            AttributeType.Decimal => [("Precision", 2), ("MinValue", -100000000000m), ("MaxValue", 100000000000m)],
            AttributeType.Double => [("Precision", 2), ("MinValue", -100000000000d), ("MaxValue", 100000000000d)],
            AttributeType.Integer => [("Format", "None"), ("MinValue", int.MinValue), ("MaxValue", int.MaxValue)],
            AttributeType.BigInt => [("MinValue", long.MinValue), ("MaxValue", long.MaxValue)],
            AttributeType.DateTime => [("Format", "DateAndTime"), ("DateTimeBehavior", new JsonObject { ["Value"] = "UserLocal" }),
                ("CanChangeDateTimeBehavior", MetadataLabels.ManagedProperty(false, "canchangedatetimebehavior", false))],
            AttributeType.Boolean => [("DefaultValue", false)],
            AttributeType.Picklist => [("DefaultFormValue", -1)],
            AttributeType.State or AttributeType.Status => [("DefaultFormValue", null)],
            _ => [],
        };
        return properties.Select(p => KeyValuePair.Create(p.Item1, p.Item2 as JsonNode ?? Node(p.Item2)));
    }

    private static int IndexOf(TableDefinition table, AttributeDefinition attribute)
    {
        for (var i = 0; i < table.Attributes.Count; i++)
        {
            if (ReferenceEquals(table.Attributes[i], attribute)) return i;
        }
        return -1;
    }

    private static TableDefinition SampleTable()
    {
        var table = new TableDefinition { LogicalName = "sample", EntitySetName = "samples", SchemaName = "Sample", PrimaryIdAttribute = "sampleid", ObjectTypeCode = 0 };
        table.Add(new AttributeDefinition { LogicalName = "sampleid", Type = AttributeType.Uniqueidentifier, IsPrimaryId = true });
        return table;
    }
}
