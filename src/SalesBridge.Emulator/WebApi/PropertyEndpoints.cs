using System.Text.Json;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Security;

namespace SalesBridge.Emulator.WebApi;

/// <summary>One column of one row: <c>GET</c> (as <c>{"value":...}</c> or raw with <c>/$value</c>), <c>PUT</c> and <c>DELETE</c>.</summary>
public static class PropertyEndpoints
{
    public static async Task RouteAsync(DataverseRequest request, TableDefinition table, KeyParameters key, string keyText,
        AttributeDefinition column, bool raw)
    {
        var org = request.Org;
        var row = RowLocator.Find(org.Store, table, key, keyText);
        switch (request.Http.Request.Method)
        {
            case "GET":
                org.Security.DemandOnRow(request.Caller, table, AccessRight.Read, row);
                var value = Protocol.RowJsonWriter.ValueOf(row, column);
                if (raw)
                {
                    request.Http.Response.ContentType = "text/plain";
                    await request.Http.Response.WriteAsync(value is null ? "" : Org.RecordWriter.Invariant(value), request.Aborted);
                    return;
                }
                await request.WriteJsonAsync(200, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("@odata.context", $"{request.MetadataUrl}#{table.EntitySetName}({row.Id})/{column.PropertyName}");
                    writer.WritePropertyName("value");
                    Protocol.RowJsonWriter.WriteValue(writer, value);
                    writer.WriteEndObject();
                });
                return;
            case "PUT":
                if (column.Type.IsLookup()) throw DataverseErrors.BadRequest($"Use the navigation property and $ref to set the lookup '{column.LogicalName}'.");
                using (var body = await PayloadReader.ParseBodyAsync(request.Http.Request.Body, request.Aborted))
                {
                    if (!body.RootElement.TryGetProperty("value", out var element)) throw DataverseErrors.BadRequest("The request body must carry 'value'.");
                    var typed = PayloadReader.Convert(column, element);
                    org.Store.Write(scope => org.Writer.Update(scope, table, row, new Dictionary<string, object?> { [column.LogicalName] = typed }, request.Caller));
                }
                request.NoContent();
                return;
            case "DELETE":
                org.Store.Write(scope => org.Writer.Update(scope, table, row, new Dictionary<string, object?> { [column.LogicalName] = null }, request.Caller));
                request.NoContent();
                return;
            default:
                throw RequestRouter.NoResource(request);
        }
    }
}
