using System.Text.Json;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Query;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.Store;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.ChangeTracking;

/// <summary>
/// Reads with <c>Prefer: odata.track-changes</c>: the first read returns every row and, on its last page, an
/// <c>@odata.deltaLink</c>; following that link returns the rows created or changed since (current values), then
/// the deleted ones as <c>$deletedEntity</c> entries, and a new delta link.
/// </summary>
public static class ChangeTrackingQuery
{
    private static readonly string[] Refused = ["$filter", "$orderby", "$expand", "$top"];

    /// <summary>Whether a collection GET is a change-tracking read.</summary>
    public static bool Applies(DataverseRequest request) => request.Prefer.TrackChanges || request.Query.ContainsKey("$deltatoken");

    public static Task WriteAsync(DataverseRequest request, TableDefinition table)
    {
        foreach (var option in Refused)
        {
            if (request.Query.ContainsKey(option)) throw ChangeTrackingErrors.OptionNotSupported(option);
        }
        if (!table.ChangeTrackingEnabled) throw ChangeTrackingErrors.NotEnabled(table);
        if (request.Org.Security.Demand(request.Caller, table, AccessRight.Read) != PrivilegeDepth.Global)
        {
            throw ChangeTrackingErrors.NeedsOrganizationRead(table, request.Caller.UserId);
        }
        var columns = TrackedColumns.From(request.Query["$select"].ToString(), table);
        var deltaText = request.Query["$deltatoken"].ToString();
        var isDelta = deltaText.Length > 0;
        var cursor = Cursor(request, isDelta ? DeltaToken.Read(request.Org, table, deltaText).Version : 0);
        var (pageSize, honoured) = PagingPolicy.For(request.Org).PageSize(request.Prefer.MaxPageSize);
        var page = TrackedPage.Read(request.Org.Store, table, cursor, pageSize, includeDeletions: isDelta);

        request.ApplyPreference("odata.track-changes");
        if (honoured) request.ApplyPreference($"odata.maxpagesize={pageSize}");
        var select = string.Join(",", columns.Select(c => c.PropertyName));
        var baseUrl = $"{request.ServiceRoot}{table.EntitySetName}?$select={select}";
        var writer = new RowJsonWriter(request.Org.Store, request.Prefer.Annotations);
        return request.WriteJsonAsync(200, json =>
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", $"{request.MetadataUrl}#{table.EntitySetName}({select}){(isDelta ? "/$delta" : "")}");
            json.WriteStartArray("value");
            foreach (var row in page.Rows) writer.Write(json, row, table, columns);
            foreach (var id in page.Deleted) WriteDeleted(json, request, table, id);
            json.WriteEndArray();
            if (page.Next is { } next)
            {
                json.WriteString("@odata.nextLink", $"{baseUrl}{(isDelta ? "&$deltatoken=" + Uri.EscapeDataString(deltaText) : "")}&$skiptoken={next.Encode()}");
            }
            else
            {
                var token = DeltaToken.Issue(request.Org, table, cursor.To);
                json.WriteString("@odata.deltaLink", $"{baseUrl}&$deltatoken={Uri.EscapeDataString(token.Text)}");
            }
            json.WriteEndObject();
        });
    }

    private static TrackingCursor Cursor(DataverseRequest request, long from)
    {
        var skip = request.Query["$skiptoken"].ToString();
        if (skip.Length == 0) return new TrackingCursor(from, request.Org.Store.CurrentVersion, InDeletions: false, After: Guid.Empty);
        var cursor = TrackingCursor.Decode(skip);
        return cursor is not null && cursor.From == from ? cursor : throw ChangeTrackingErrors.Malformed(skip);
    }

    private static void WriteDeleted(Utf8JsonWriter json, DataverseRequest request, TableDefinition table, Guid id)
    {
        json.WriteStartObject();
        json.WriteString("@odata.context", $"{request.MetadataUrl}#{table.EntitySetName}/$deletedEntity");
        json.WriteString("id", id);
        json.WriteString("reason", "deleted");
        json.WriteEndObject();
    }
}
