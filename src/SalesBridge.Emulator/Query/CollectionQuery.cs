using System.Text.Json;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.Query;

/// <summary>
/// <c>GET {set}</c> and <c>GET {set}(id)/{collection}</c>: the rows the caller may read that match the query, one
/// page at a time (Dataverse: query/overview, query/page-results, query/count-rows).
/// </summary>
public static class CollectionQuery
{
    public const string TotalRecordCount = "Microsoft.Dynamics.CRM.totalrecordcount";
    public const string TotalRecordCountLimitExceeded = "Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded";

    /// <summary>
    /// Writes the whole 200 response: <c>@odata.context</c>, <c>@odata.count</c>, <c>value</c>, <c>@odata.nextLink</c>
    /// and <c>Preference-Applied</c>. <paramref name="restriction"/> limits the rows (navigation collections);
    /// <paramref name="contextPath"/> is e.g. <c>accounts</c> or <c>accounts(&lt;id&gt;)/contact_customer_accounts</c>.
    /// </summary>
    public static Task WriteAsync(DataverseRequest request, TableDefinition table, Func<EntityRow, bool>? restriction, string contextPath)
    {
        var context = QueryContext.Of(request);
        // The Web API parses the query before running it, so a malformed query is a 400 even without read access.
        var query = ParsedQuery.Parse(request, table, context);
        var scope = context.ReadScope(table);
        var (pageSize, honoured) = PagingPolicy.For(request.Org).PageSize(request.Prefer.MaxPageSize);
        // With odata.maxpagesize, $top is ignored (query/page-results); without it, $top ends the result.
        var topLimits = query.Top is not null && request.Prefer.MaxPageSize is null;
        if (topLimits) pageSize = Math.Min(pageSize, query.Top!.Value);

        var token = query.Options["$skiptoken"];
        var (pageNumber, resumeAfter) = token is null ? (1, null) : PagingCookie.Read(token, query.Order, table);
        // Sorted results are cached against the table's snapshot only, so filters that look into related rows
        // (any/all) and navigation restrictions are evaluated afresh.
        var cacheKey = restriction is null && !query.Options.FiltersRelatedRows()
            ? string.Join('|', table.LogicalName, contextPath, context.ScopeKey(table), query.Options.RowsKey())
            : null;
        var page = PageReader.Read(request.Org.Store, table, QueryContext.All(restriction, scope, query.Filter), query.Order,
            cacheKey, resumeAfter, pageSize, query.Count);

        string? nextLink = null;
        if (page.HasMore && !topLimits)
        {
            var last = page.Rows[^1];
            var cookie = PagingCookie.Create(pageNumber, query.Order, table, query.Order.PositionOf(last), page.Rows[0].Id);
            nextLink = NextLink.For(request, contextPath, cookie);
        }
        if (honoured) request.ApplyPreference($"odata.maxpagesize={pageSize}");
        var annotations = request.Prefer.Annotations;
        if (!annotations.IsEmpty) request.ApplyPreference($"odata.include-annotations=\"{annotations.RawValue}\"");

        var contextUrl = request.MetadataUrl + "#" + contextPath + query.Projection.ContextList;
        return request.WriteJsonAsync(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", contextUrl);
            WriteCount(writer, page.Count, annotations);
            writer.WritePropertyName("value");
            writer.WriteStartArray();
            foreach (var row in page.Rows) query.Projection.WriteRow(writer, row, context.Rows);
            writer.WriteEndArray();
            if (nextLink is not null) writer.WriteString("@odata.nextLink", nextLink);
            writer.WriteEndObject();
        });
    }

    /// <summary><c>GET {set}/$count</c>: the number of matching rows the caller may read, as text, capped at 5,000.</summary>
    public static async Task WriteCountAsync(DataverseRequest request, TableDefinition table, Func<EntityRow, bool>? restriction)
    {
        var context = QueryContext.Of(request);
        var query = ParsedQuery.Parse(request, table, context);
        var scope = context.ReadScope(table);
        var count = PageReader.CountMatches(request.Org.Store, table, QueryContext.All(restriction, scope, query.Filter));
        var response = request.Http.Response;
        response.StatusCode = 200;
        response.ContentType = "text/plain";
        await response.WriteAsync(Math.Min(count, PagingPolicy.CountLimit).ToString(System.Globalization.CultureInfo.InvariantCulture), request.Aborted);
    }

    private static void WriteCount(Utf8JsonWriter writer, int? count, Protocol.AnnotationFilter annotations)
    {
        if (count is { } total) writer.WriteNumber("@odata.count", Math.Min(total, PagingPolicy.CountLimit));
        // query/count-rows: without $count=true the total is -1.
        if (annotations.Includes(TotalRecordCount))
        {
            writer.WriteNumber("@" + TotalRecordCount, count is { } c ? Math.Min(c, PagingPolicy.CountLimit) : -1);
        }
        if (annotations.Includes(TotalRecordCountLimitExceeded))
        {
            writer.WriteBoolean("@" + TotalRecordCountLimitExceeded, count > PagingPolicy.CountLimit);
        }
    }
}
