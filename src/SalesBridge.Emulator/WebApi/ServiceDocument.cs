namespace SalesBridge.Emulator.WebApi;

/// <summary>GET of the service root: the entity sets the org exposes.</summary>
public static class ServiceDocument
{
    public static Task WriteAsync(DataverseRequest request) => request.WriteJsonAsync(200, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("@odata.context", request.MetadataUrl);
        writer.WriteStartArray("value");
        foreach (var table in request.Org.Schema.Tables.OrderBy(t => t.EntitySetName, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("name", table.EntitySetName);
            writer.WriteString("kind", "EntitySet");
            writer.WriteString("url", table.EntitySetName);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    });
}
