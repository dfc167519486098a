using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SalesBridge.Dataverse;

public partial class DataverseClient
{
    /// <summary>
    /// Reads every row the query matches, page by page (<c>odata.maxpagesize</c>), following
    /// <c>@odata.nextLink</c> verbatim with the same preferences, as Microsoft prescribes.
    /// </summary>
    public virtual async IAsyncEnumerable<JsonObject> QueryAsync(string entitySet, DataverseQuery query, RequestOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = EntitySet(entitySet) + QueryString(query);
        var remaining = query.Top;
        while (next is not null)
        {
            using var request = NewRequest(HttpMethod.Get, next, options, safeToRetry: true);
            // With odata.maxpagesize, $top is ignored (DATAVERSE.md §4), so a $top query is not paged.
            var prefer = query.Top is null ? $"odata.maxpagesize={_connection.Options.PageSize}" : null;
            if (query.IncludeAnnotations is { } annotations) prefer = (prefer is null ? "" : prefer + ",") + $"odata.include-annotations=\"{annotations}\"";
            if (prefer is not null) request.Headers.TryAddWithoutValidation("Prefer", prefer);
            // Each row is copied out of the page (a small clone), so the page's pooled buffers go back at once
            // instead of a multi-megabyte document living as long as any of its rows.
            using var page = await SendForDocumentAsync(request, cancellationToken).ConfigureAwait(false);
            if (page.RootElement.TryGetProperty("value", out var rows))
            {
                foreach (var row in rows.EnumerateArray())
                {
                    if (JsonObject.Create(row.Clone()) is not { } item) continue;
                    yield return item;
                    if (remaining is not null && --remaining == 0) yield break;
                }
            }
            next = page.RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }
    }

    /// <summary>How many rows match (Dataverse counts up to 5,000 this way).</summary>
    public virtual async Task<int> CountAsync(string entitySet, FilterExpression? filter = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var url = EntitySet(entitySet) + "/$count" + (filter is null ? "" : "?$filter=" + Uri.EscapeDataString(filter.Text));
        using var request = NewRequest(HttpMethod.Get, url, options, safeToRetry: true);
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd("text/plain");
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim().TrimStart('\uFEFF');
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new DataverseException($"Dataverse answered $count with '{text}', which is not a number.", response.StatusCode, null, text);
    }

    private static string QueryString(DataverseQuery query)
    {
        var parts = new List<string>();
        if (query.Select.Count > 0) parts.Add("$select=" + string.Join(",", query.Select.Select(ODataFilter.Column)));
        if (query.Filter is not null) parts.Add("$filter=" + Uri.EscapeDataString(query.Filter.Text));
        if (query.OrderBy.Count > 0) parts.Add("$orderby=" + Uri.EscapeDataString(string.Join(",", query.OrderBy.Select(OrderClause))));
        if (query.Top is { } top) parts.Add("$top=" + top.ToString(CultureInfo.InvariantCulture));
        if (query.Expand is { } expand) parts.Add("$expand=" + Uri.EscapeDataString(expand));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private static string OrderClause(string clause) =>
        OrderBy().IsMatch(clause) ? clause : throw new ArgumentException($"'{clause}' is not an order clause (column [asc|desc]).", nameof(clause));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*( (asc|desc))?$", RegexOptions.CultureInvariant)]
    private static partial Regex OrderBy();
}
