namespace SalesBridge.Emulator.Tests.Customization;

/// <summary>EntityMetadata and AttributeMetadata bodies as a client posts them (Create and update table definitions using the Web API).</summary>
public static class TableDefinitions
{
    public static object Label(string text) => new Dictionary<string, object>
    {
        ["@odata.type"] = "Microsoft.Dynamics.CRM.Label",
        ["LocalizedLabels"] = new[] { new Dictionary<string, object> { ["@odata.type"] = "Microsoft.Dynamics.CRM.LocalizedLabel", ["Label"] = text, ["LanguageCode"] = 1033 } },
    };

    public static Dictionary<string, object> String(string schemaName, int maxLength = 100, bool primaryName = false) => new()
    {
        ["@odata.type"] = "Microsoft.Dynamics.CRM.StringAttributeMetadata", ["SchemaName"] = schemaName, ["MaxLength"] = maxLength,
        ["IsPrimaryName"] = primaryName, ["FormatName"] = new Dictionary<string, object> { ["Value"] = "Text" },
        ["RequiredLevel"] = new Dictionary<string, object> { ["Value"] = "None" },
        ["DisplayName"] = Label(schemaName),
    };

    public static Dictionary<string, object> Column(string type, string schemaName) => new()
    {
        ["@odata.type"] = $"Microsoft.Dynamics.CRM.{type}AttributeMetadata", ["SchemaName"] = schemaName, ["DisplayName"] = Label(schemaName),
    };

    public static Dictionary<string, object> Choice(string schemaName, params (int Value, string Label)[] options) => new()
    {
        ["@odata.type"] = "Microsoft.Dynamics.CRM.PicklistAttributeMetadata", ["SchemaName"] = schemaName, ["DisplayName"] = Label(schemaName),
        ["OptionSet"] = new Dictionary<string, object>
        {
            ["@odata.type"] = "Microsoft.Dynamics.CRM.OptionSetMetadata", ["IsGlobal"] = false, ["OptionSetType"] = "Picklist",
            ["Options"] = options.Select(o => new Dictionary<string, object> { ["Value"] = o.Value, ["Label"] = Label(o.Label) }).ToArray(),
        },
    };

    public static Dictionary<string, object> Table(string schemaName, bool isActivity, params Dictionary<string, object>[] attributes) => new()
    {
        ["@odata.type"] = "Microsoft.Dynamics.CRM.EntityMetadata", ["SchemaName"] = schemaName,
        ["DisplayName"] = Label(schemaName), ["DisplayCollectionName"] = Label(schemaName + "s"), ["Description"] = Label("Created by a test"),
        ["OwnershipType"] = "UserOwned", ["IsActivity"] = isActivity, ["HasActivities"] = false, ["HasNotes"] = false,
        ["Attributes"] = attributes,
    };

    /// <summary>A custom activity with an external key column, the shape SalesBridge installs (sb_inmail, sb_message, sb_note).</summary>
    public static Dictionary<string, object> ActivityTable(string schemaName) =>
        Table(schemaName, isActivity: true, String("Subject", 400, primaryName: true), String($"{CustomizedOrgFixture.Prefix}_ExternalKey", 200));

    public static Dictionary<string, object> Key(string schemaName, params string[] columns) => new()
    {
        ["SchemaName"] = schemaName, ["DisplayName"] = Label(schemaName), ["KeyAttributes"] = columns,
    };
}
