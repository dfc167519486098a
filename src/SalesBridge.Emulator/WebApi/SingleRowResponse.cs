using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Query;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.WebApi;

/// <summary>Writes one row as a response body, honouring <c>$select</c>, <c>$expand</c> and annotations.</summary>
public static class SingleRowResponse
{
    /// <param name="query">The parsed <c>$select</c>/<c>$expand</c> when the caller checked them before writing.</param>
    public static Task WriteAsync(DataverseRequest request, TableDefinition table, EntityRow row, int status, SingleRowQuery? query = null)
    {
        query ??= SingleRowQuery.Parse(request, table);
        request.Http.Response.Headers.ETag = row.ETag;
        if (!request.Prefer.Annotations.IsEmpty)
        {
            request.ApplyPreference($"odata.include-annotations=\"{request.Prefer.Annotations.RawValue}\"");
        }
        var writer = new RowJsonWriter(request.Org.Store, request.Prefer.Annotations);
        return request.WriteJsonAsync(status, json =>
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", query.ContextUrl(request.ServiceRoot, table.EntitySetName));
            json.WriteString("@odata.etag", row.ETag);
            foreach (var column in query.Columns) writer.WriteColumn(json, row, table, column);
            query.WriteExpanded(json, row);
            json.WriteEndObject();
        });
    }
}
