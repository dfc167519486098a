namespace SalesBridge.Emulator.Tests.FetchXml;

/// <summary>
/// The HTTP tests of FetchXML and metadata need the request router to send <c>GET /{set}?fetchXml=</c> to
/// <c>FetchXmlQuery.WriteAsync</c> and <c>GET EntityDefinitions...</c> to <c>MetadataEndpoint.WriteAsync</c>
/// (QueryRoutes.TryRoute). Set <see cref="Reason"/> to null once it does; they then run.
/// </summary>
internal static class PendingRoutes
{
    public const string? Reason = "QueryRoutes does not route fetchXml and EntityDefinitions to their endpoints yet.";
}
