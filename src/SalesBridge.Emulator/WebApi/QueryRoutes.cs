using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.WebApi;

/// <summary>Routes reads that go to the query engines: OData collections, FetchXML, counts and metadata.</summary>
public static class QueryRoutes
{
    public static Task? TryRoute(DataverseRequest request, IReadOnlyList<PathSegment> segments, string method) => null;

    public static Task QueryCollectionAsync(DataverseRequest request, TableDefinition table) =>
        throw DataverseErrors.UnknownSegment(table.EntitySetName);

    public static Task CountAsync(DataverseRequest request, TableDefinition table, Func<EntityRow, bool>? restriction) =>
        throw DataverseErrors.UnknownSegment("$count");

    public static Task QueryNavigationAsync(DataverseRequest request, TableDefinition target, Func<EntityRow, bool> restriction, string contextPath) =>
        throw DataverseErrors.UnknownSegment(contextPath);
}
