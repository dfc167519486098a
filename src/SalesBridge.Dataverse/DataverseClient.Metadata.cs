using System.Text.Json.Nodes;

namespace SalesBridge.Dataverse;

public partial class DataverseClient
{
    /// <summary>The columns of a table, optionally only those of one type (e.g. <c>Money</c>, <c>Picklist</c>).</summary>
    public virtual async Task<IReadOnlyList<AttributeInfo>> GetAttributesAsync(string table, string? attributeType = null, CancellationToken cancellationToken = default)
    {
        var filter = attributeType is null ? "" : $"&$filter=AttributeType eq Microsoft.Dynamics.CRM.AttributeTypeCode'{ODataFilter.Column(attributeType)}'";
        var url = $"EntityDefinitions(LogicalName={Uri.EscapeDataString(ODataFilter.Literal(ODataFilter.Column(table)))})/Attributes" +
            $"?$select=LogicalName,AttributeType,DisplayName,IsCustomAttribute{filter}";
        using var request = NewRequest(HttpMethod.Get, url, null, safeToRetry: true);
        var body = await SendForObjectAsync(request, cancellationToken).ConfigureAwait(false);
        return (body["value"]?.AsArray() ?? []).OfType<JsonObject>().Select(a => new AttributeInfo(
            a["LogicalName"]!.GetValue<string>(), a["AttributeType"]?.GetValue<string>() ?? "", Label(a["DisplayName"]),
            a["IsCustomAttribute"]?.GetValue<bool>() ?? false)).ToArray();
    }

    /// <summary>The options of a choice column with their labels (read from metadata, never hard-coded).</summary>
    public virtual async Task<IReadOnlyList<ChoiceOption>> GetChoiceOptionsAsync(string table, string column, ChoiceKind kind = ChoiceKind.Picklist,
        CancellationToken cancellationToken = default)
    {
        var url = $"EntityDefinitions(LogicalName={Uri.EscapeDataString(ODataFilter.Literal(ODataFilter.Column(table)))})" +
            $"/Attributes(LogicalName={Uri.EscapeDataString(ODataFilter.Literal(ODataFilter.Column(column)))})" +
            $"/Microsoft.Dynamics.CRM.{kind}AttributeMetadata?$select=LogicalName&$expand=OptionSet($select=Options)";
        using var request = NewRequest(HttpMethod.Get, url, null, safeToRetry: true);
        var body = await SendForObjectAsync(request, cancellationToken).ConfigureAwait(false);
        return (body["OptionSet"]?["Options"]?.AsArray() ?? []).OfType<JsonObject>()
            .Select(o => new ChoiceOption(o["Value"]!.GetValue<int>(), Label(o["Label"]) ?? "")).ToArray();
    }

    /// <summary>
    /// Creates a table from an <c>EntityMetadata</c> definition (custom activity tables included) and returns its
    /// MetadataId; with <paramref name="solutionUniqueName"/> it is added to that solution.
    /// </summary>
    public virtual async Task<Guid> CreateTableAsync(JsonObject entityMetadata, string? solutionUniqueName = null, CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Post, "EntityDefinitions", null, safeToRetry: false);
        if (solutionUniqueName is not null) request.Headers.Add("MSCRM.SolutionUniqueName", solutionUniqueName);
        request.Content = Json(entityMetadata);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return IdFromEntityIdHeader(response);
    }

    /// <summary>Defines an alternate key on a table, e.g. on the external key column of a SalesBridge activity table.</summary>
    public virtual async Task<Guid> CreateAlternateKeyAsync(string table, string schemaName, string displayName, IReadOnlyList<string> columns,
        string? solutionUniqueName = null, CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Post,
            $"EntityDefinitions(LogicalName={Uri.EscapeDataString(ODataFilter.Literal(ODataFilter.Column(table)))})/Keys", null, safeToRetry: false);
        if (solutionUniqueName is not null) request.Headers.Add("MSCRM.SolutionUniqueName", solutionUniqueName);
        request.Content = Json(new JsonObject
        {
            ["SchemaName"] = schemaName,
            ["DisplayName"] = LabelJson(displayName),
            ["KeyAttributes"] = new JsonArray(columns.Select(c => (JsonNode)JsonValue.Create(ODataFilter.Column(c))).ToArray()),
        });
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return IdFromEntityIdHeader(response);
    }

    /// <summary>A Label in the shape metadata writes expect: LocalizedLabels in English (1033).</summary>
    public static JsonObject LabelJson(string text) => new()
    {
        ["@odata.type"] = "Microsoft.Dynamics.CRM.Label",
        ["LocalizedLabels"] = new JsonArray(new JsonObject
        {
            ["@odata.type"] = "Microsoft.Dynamics.CRM.LocalizedLabel", ["Label"] = text, ["LanguageCode"] = 1033,
        }),
    };

    private static string? Label(JsonNode? label) =>
        label?["UserLocalizedLabel"]?["Label"]?.GetValue<string>() ?? label?["LocalizedLabels"]?.AsArray().FirstOrDefault()?["Label"]?.GetValue<string>();
}
