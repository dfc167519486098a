using System.Text.Json.Nodes;

namespace SalesBridge.Dataverse;

public partial class DataverseClient
{
    /// <summary>
    /// A table's definition with its column names and alternate keys, or null when the org has no such table
    /// (<c>GET EntityDefinitions(LogicalName='x')</c> answers 404).
    /// </summary>
    public virtual async Task<TableDefinitionInfo?> FindTableAsync(string table, CancellationToken cancellationToken = default)
    {
        var url = $"EntityDefinitions(LogicalName={Uri.EscapeDataString(ODataFilter.Literal(ODataFilter.Column(table)))})" +
            "?$select=LogicalName,EntitySetName,IsActivity&$expand=Attributes($select=LogicalName),Keys($select=LogicalName,KeyAttributes,EntityKeyIndexStatus)";
        using var request = NewRequest(HttpMethod.Get, url, null, safeToRetry: true);
        JsonObject body;
        try
        {
            body = await SendForObjectAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (DataverseNotFoundException)
        {
            return null;
        }
        return new TableDefinitionInfo(
            body["LogicalName"]!.GetValue<string>(), body["EntitySetName"]?.GetValue<string>(), body["IsActivity"]?.GetValue<bool>() ?? false,
            (body["Attributes"]?.AsArray() ?? []).OfType<JsonObject>().Select(a => a["LogicalName"]!.GetValue<string>()).ToArray(),
            (body["Keys"]?.AsArray() ?? []).OfType<JsonObject>().Select(k => new AlternateKeyInfo(
                k["LogicalName"]!.GetValue<string>(),
                (k["KeyAttributes"]?.AsArray() ?? []).Select(a => a!.GetValue<string>()).ToArray(),
                k["EntityKeyIndexStatus"]?.GetValue<string>())).ToArray());
    }

    /// <summary>Adds a column to a table from an <c>AttributeMetadata</c> definition (a derived type named by <c>@odata.type</c>).</summary>
    public virtual async Task<Guid> CreateColumnAsync(string table, JsonObject attributeMetadata, string? solutionUniqueName = null,
        CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Post,
            $"EntityDefinitions(LogicalName={Uri.EscapeDataString(ODataFilter.Literal(ODataFilter.Column(table)))})/Attributes", null, safeToRetry: false);
        if (solutionUniqueName is not null) request.Headers.Add("MSCRM.SolutionUniqueName", solutionUniqueName);
        request.Content = Json(attributeMetadata);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return IdFromEntityIdHeader(response);
    }

    /// <summary>
    /// Every choice column of a kind on a table, with its options, in one request
    /// (<c>Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$expand=OptionSet</c>).
    /// </summary>
    public virtual async Task<IReadOnlyList<ChoiceColumnInfo>> GetChoiceColumnsAsync(string table, ChoiceKind kind = ChoiceKind.Picklist,
        CancellationToken cancellationToken = default)
    {
        var url = $"EntityDefinitions(LogicalName={Uri.EscapeDataString(ODataFilter.Literal(ODataFilter.Column(table)))})" +
            $"/Attributes/Microsoft.Dynamics.CRM.{kind}AttributeMetadata?$select=LogicalName,DisplayName,IsCustomAttribute&$expand=OptionSet($select=Options)";
        using var request = NewRequest(HttpMethod.Get, url, null, safeToRetry: true);
        var body = await SendForObjectAsync(request, cancellationToken).ConfigureAwait(false);
        return (body["value"]?.AsArray() ?? []).OfType<JsonObject>().Select(a => new ChoiceColumnInfo(
            a["LogicalName"]!.GetValue<string>(), Label(a["DisplayName"]), a["IsCustomAttribute"]?.GetValue<bool>() ?? false,
            (a["OptionSet"]?["Options"]?.AsArray() ?? []).OfType<JsonObject>()
                .Select(o => new ChoiceOption(o["Value"]!.GetValue<int>(), Label(o["Label"]) ?? "")).ToArray())).ToArray();
    }

    /// <summary>Every currency column of a table, <c>_base</c> companions included (tell them apart by <see cref="MoneyColumnInfo.IsBaseCurrency"/>).</summary>
    public virtual async Task<IReadOnlyList<MoneyColumnInfo>> GetMoneyColumnsAsync(string table, CancellationToken cancellationToken = default)
    {
        var url = $"EntityDefinitions(LogicalName={Uri.EscapeDataString(ODataFilter.Literal(ODataFilter.Column(table)))})" +
            "/Attributes/Microsoft.Dynamics.CRM.MoneyAttributeMetadata?$select=LogicalName,DisplayName,IsCustomAttribute,IsBaseCurrency,AttributeOf";
        using var request = NewRequest(HttpMethod.Get, url, null, safeToRetry: true);
        var body = await SendForObjectAsync(request, cancellationToken).ConfigureAwait(false);
        return (body["value"]?.AsArray() ?? []).OfType<JsonObject>().Select(a => new MoneyColumnInfo(
            a["LogicalName"]!.GetValue<string>(), Label(a["DisplayName"]), a["IsCustomAttribute"]?.GetValue<bool>() ?? false,
            a["IsBaseCurrency"]?.GetValue<bool>() ?? false, a["AttributeOf"]?.GetValue<string>())).ToArray();
    }
}
