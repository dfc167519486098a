using SalesBridge.Emulator.ChangeTracking;
using SalesBridge.Emulator.FetchXml;
using SalesBridge.Emulator.Customization;
using SalesBridge.Emulator.Metadata;
using SalesBridge.Emulator.Query;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.WebApi;

/// <summary>Routes reads that go to the query engines: OData collections, FetchXML, counts and metadata.</summary>
public static class QueryRoutes
{
    /// <summary>Metadata resources (<c>$metadata</c>, <c>EntityDefinitions</c>); null when the path is not one.</summary>
    public static Task? TryRoute(DataverseRequest request, IReadOnlyList<PathSegment> segments, string method) => segments[0].Name switch
    {
        "$metadata" when segments.Count == 1 => method == "GET" ? MetadataDocument.WriteAsync(request) : throw RequestRouter.NoResource(request),
        "EntityDefinitions" => method switch
        {
            "GET" => MetadataEndpoint.WriteAsync(request, segments),
            "POST" => EntityDefinitionWrites.PostAsync(request, segments),
            _ => throw RequestRouter.NoResource(request),
        },
        _ => null,
    };

    /// <summary>
    /// GET of an entity set: FetchXML when <c>fetchXml</c> is given, change tracking with <c>Prefer: odata.track-changes</c>
    /// or a <c>$deltatoken</c>, OData query options otherwise.
    /// </summary>
    public static Task QueryCollectionAsync(DataverseRequest request, TableDefinition table) =>
        request.Query.TryGetValue("fetchXml", out var fetchXml)
            ? FetchXmlQuery.WriteAsync(request, table, fetchXml.ToString())
            : TrackedQuery.Applies(request)
                ? TrackedQuery.WriteAsync(request, table)
                : CollectionQuery.WriteAsync(request, table, null, table.EntitySetName);

    public static Task CountAsync(DataverseRequest request, TableDefinition table, Func<EntityRow, bool>? restriction) =>
        CollectionQuery.WriteCountAsync(request, table, restriction);

    public static Task QueryNavigationAsync(DataverseRequest request, TableDefinition target, Func<EntityRow, bool> restriction, string contextPath) =>
        CollectionQuery.WriteAsync(request, target, restriction, contextPath);
}
