using System.Text.Json.Nodes;
using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.Metadata;

/// <summary>
/// <c>OptionSetMetadata</c> with its options (<c>OptionMetadata</c>; <c>StatusOptionMetadata</c> adds
/// <c>State</c>, <c>StateOptionMetadata</c> adds <c>DefaultStatus</c> and <c>InvariantName</c>).
/// </summary>
public static class OptionSetMetadataJson
{
    public const string TypeName = "OptionSetMetadata";

    public static JsonObject OptionSet(TableDefinition table, AttributeDefinition attribute)
    {
        if (attribute.Type == AttributeType.Boolean) return BooleanOptionSet(table, attribute);
        var set = attribute.OptionSet;
        var name = set?.Name ?? $"{table.LogicalName}_{attribute.LogicalName}";
        var options = new JsonArray();
        foreach (var option in set?.Options ?? []) options.Add(Option(table, attribute, name, option));
        var type = attribute.Type is AttributeType.State or AttributeType.Status ? attribute.Type.ToString() : "Picklist";
        var json = Common(attribute, name, set?.MetadataId ?? StableId.For("optionset", name), type, set?.IsGlobal ?? false);
        json["Options"] = options;
        return json;
    }

    // BooleanOptionSetMetadata: a true and a false option instead of a list (labels as a new org has them).
    private static JsonObject BooleanOptionSet(TableDefinition table, AttributeDefinition attribute)
    {
        var name = $"{table.LogicalName}_{attribute.LogicalName}";
        var json = Common(attribute, name, StableId.For("optionset", name), "Boolean", isGlobal: false);
        json["Options"] = new JsonArray();
        json["TrueOption"] = Option(table, attribute, name, new OptionDefinition(1, "Yes"));
        json["FalseOption"] = Option(table, attribute, name, new OptionDefinition(0, "No"));
        return json;
    }

    /// <summary>The members every kind of option set metadata shares, in the order Dataverse writes them.</summary>
    private static JsonObject Common(AttributeDefinition attribute, string name, Guid metadataId, string type, bool isGlobal) => new()
    {
        ["MetadataId"] = metadataId,
        ["HasChanged"] = null,
        ["Name"] = name,
        ["OptionSetType"] = type,
        ["IsGlobal"] = isGlobal,
        ["IsCustomOptionSet"] = attribute.IsCustomAttribute,
        ["IsManaged"] = !attribute.IsCustomAttribute,
        ["IntroducedVersion"] = "1.0",
        ["ExternalTypeName"] = null,
        ["DisplayName"] = MetadataLabels.Label(attribute.EffectiveDisplayName, "optionset", name),
        ["Description"] = MetadataLabels.Empty(),
        ["IsCustomizable"] = MetadataLabels.ManagedProperty(true, "iscustomizable"),
    };

    private static JsonObject Option(TableDefinition table, AttributeDefinition attribute, string setName, OptionDefinition option)
    {
        var json = new JsonObject
        {
            ["Value"] = option.Value,
            ["Color"] = null,
            ["IsManaged"] = !attribute.IsCustomAttribute,
            ["ExternalValue"] = null,
            ["ParentValues"] = new JsonArray(),
            ["Tag"] = null,
            ["IsHidden"] = false,
            ["MetadataId"] = null,
            ["HasChanged"] = null,
            ["Label"] = MetadataLabels.Label(option.Label, "option", setName, option.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["Description"] = MetadataLabels.Empty(),
        };
        if (attribute.Type == AttributeType.Status) json["State"] = option.State;
        if (attribute.Type == AttributeType.State)
        {
            var statuses = table.FindAttribute("statuscode")?.OptionSet?.Options ?? [];
            json["DefaultStatus"] = statuses.FirstOrDefault(s => s.State == option.Value)?.Value;
            json["InvariantName"] = option.Label.Replace(" ", "", StringComparison.Ordinal);
        }
        return json;
    }
}
