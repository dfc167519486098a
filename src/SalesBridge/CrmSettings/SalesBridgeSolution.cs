using System.Text.Json.Nodes;
using SalesBridge.Dataverse;

namespace SalesBridge.CrmSettings;

/// <summary>
/// The SalesBridge solution in a customer's org (SPEC S12): publisher <c>salesbridge</c> (prefix <c>sb</c>), solution
/// <c>SalesBridge</c>, and one custom activity table per item type that can be written back (S13).
/// </summary>
/// <remarks>
/// Columns, beyond what every activity has from activitypointer (subject, description = the item's text, actualstart/
/// actualend, regarding, owner, parties, state):
/// <list type="bullet">
/// <item><c>sb_itemid</c> (text, 100): SalesBridge's stable id of the item, with the alternate key <c>sb_{table}_itemid</c>, so
/// that write-back upserts by it and retries, restarts and re-installs never make a second activity (B6).</item>
/// <item><c>sb_threadid</c> (text, 100; InMails and messages): the conversation an item belongs to, for "Copy thread to CRM".</item>
/// <item><c>sb_itemurl</c> (text, 500): where the item is in SalesBridge, for people reading the timeline.</item>
/// </list>
/// </remarks>
public static class SalesBridgeSolution
{
    public const string UniqueName = "SalesBridge";
    public const string PublisherUniqueName = "salesbridge";
    public const string Prefix = "sb";

    /// <summary>Option values of the publisher's choices start here (must be 10,000–99,999).</summary>
    public const int OptionValuePrefix = 72700;

    public const string ItemIdColumn = "sb_itemid";

    public static IReadOnlyList<SalesBridgeActivityTable> Tables { get; } =
    [
        new(WriteBackItemKind.InMail, "sb_InMail", "InMail", "InMails", HasThread: true),
        new(WriteBackItemKind.Message, "sb_Message", "Message", "Messages", HasThread: true),
        new(WriteBackItemKind.Note, "sb_Note", "Note", "Notes", HasThread: false),
    ];

    /// <summary>The activity table items of <paramref name="kind"/> are written to.</summary>
    public static SalesBridgeActivityTable TableFor(WriteBackItemKind kind) => Tables.Single(t => t.Kind == kind);

    /// <summary>Looks for the solution and each table with its key.</summary>
    public static async Task<SalesBridgeSolutionState> DetectAsync(DataverseClient client, CancellationToken cancellationToken)
    {
        var solution = await FindRowAsync(client, "solutions", "uniquename", UniqueName, ["solutionid", "version"], cancellationToken).ConfigureAwait(false);
        var tables = new List<SalesBridgeTableState>();
        foreach (var table in Tables)
        {
            var found = await client.FindTableAsync(table.LogicalName, cancellationToken).ConfigureAwait(false);
            var key = found?.Keys.FirstOrDefault(k => k.KeyAttributes.Count == 1 && string.Equals(k.KeyAttributes[0], ItemIdColumn, StringComparison.OrdinalIgnoreCase));
            // A key whose index failed does not stop duplicates; Pending/InProgress ones become Active on their own.
            tables.Add(new SalesBridgeTableState(table.LogicalName, table.DisplayName, found is not null,
                key is not null && !string.Equals(key.IndexStatus, "Failed", StringComparison.OrdinalIgnoreCase), key?.IndexStatus));
        }
        var installed = solution is not null && tables.All(t => t.Exists && t.HasItemKey);
        return new SalesBridgeSolutionState(installed, solution is not null, solution?["version"]?.GetValue<string>(), tables);
    }

    internal static async Task<JsonObject?> FindRowAsync(DataverseClient client, string entitySet, string column, string value,
        IReadOnlyList<string> select, CancellationToken cancellationToken)
    {
        var query = new DataverseQuery { Select = select, Filter = ODataFilter.Eq(column, value), Top = 1 };
        await foreach (var row in client.QueryAsync(entitySet, query, cancellationToken: cancellationToken).ConfigureAwait(false)) return row;
        return null;
    }
}

/// <summary>One activity table of the solution and the columns SalesBridge writes.</summary>
public sealed record SalesBridgeActivityTable(WriteBackItemKind Kind, string SchemaName, string DisplayName, string DisplayCollectionName, bool HasThread)
{
    public string LogicalName => SchemaName.ToLowerInvariant();

    /// <summary>The Web API entity set Dataverse gives a custom table: the lower-case plural of its schema name (sb_InMail → sb_inmails).</summary>
    public string EntitySetName => LogicalName + "s";
    public string KeySchemaName => $"{SalesBridgeSolution.Prefix}_{SchemaName[(SalesBridgeSolution.Prefix.Length + 1)..]}ItemId";

    /// <summary>The custom columns, as AttributeMetadata bodies by logical name.</summary>
    public IReadOnlyList<(string LogicalName, JsonObject Definition)> Columns =>
    [
        (SalesBridgeSolution.ItemIdColumn, Text("sb_ItemId", "SalesBridge item id", 100, "SalesBridge's stable id of the item; write-back upserts by it.")),
        .. HasThread ? [("sb_threadid", Text("sb_ThreadId", "SalesBridge thread id", 100, "The conversation the item belongs to."))] : Array.Empty<(string, JsonObject)>(),
        ("sb_itemurl", Text("sb_ItemUrl", "SalesBridge link", 500, "Where the item is in SalesBridge.")),
    ];

    /// <summary>The EntityMetadata body of <c>POST EntityDefinitions</c>: a user-owned activity with subject as primary name.</summary>
    public JsonObject Definition() => new()
    {
        ["@odata.type"] = "Microsoft.Dynamics.CRM.EntityMetadata",
        ["SchemaName"] = SchemaName,
        ["DisplayName"] = DataverseClient.LabelJson(DisplayName),
        ["DisplayCollectionName"] = DataverseClient.LabelJson(DisplayCollectionName),
        ["Description"] = DataverseClient.LabelJson($"{DisplayCollectionName} written back by SalesBridge."),
        ["OwnershipType"] = "UserOwned",
        ["IsActivity"] = true,
        ["HasActivities"] = false,
        ["HasNotes"] = false,
        ["Attributes"] = new JsonArray(
        [
            new JsonObject
            {
                ["@odata.type"] = "Microsoft.Dynamics.CRM.StringAttributeMetadata", ["SchemaName"] = "Subject", ["IsPrimaryName"] = true,
                ["MaxLength"] = 400, ["DisplayName"] = DataverseClient.LabelJson("Subject"),
                ["RequiredLevel"] = new JsonObject { ["Value"] = "None" },
            },
            .. Columns.Select(c => (JsonNode)c.Definition.DeepClone()),
        ]),
    };

    private static JsonObject Text(string schemaName, string label, int maxLength, string description) => new()
    {
        ["@odata.type"] = "Microsoft.Dynamics.CRM.StringAttributeMetadata",
        ["SchemaName"] = schemaName,
        ["MaxLength"] = maxLength,
        ["DisplayName"] = DataverseClient.LabelJson(label),
        ["Description"] = DataverseClient.LabelJson(description),
        ["RequiredLevel"] = new JsonObject { ["Value"] = "None" },
    };
}
