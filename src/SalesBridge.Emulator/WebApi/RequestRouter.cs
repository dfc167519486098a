using SalesBridge.Emulator.Protocol;

namespace SalesBridge.Emulator.WebApi;

/// <summary>Routes a Web API request by its resource path and method to the handler for that kind of resource.</summary>
public static class RequestRouter
{
    public static Task RouteAsync(DataverseRequest request, string rawPath)
    {
        var segments = ResourcePath.Parse(rawPath);
        var method = request.Http.Request.Method;
        if (segments.Count == 0) return Get(request, method, () => ServiceDocument.WriteAsync(request));

        var first = segments[0];
        if (first.Name == "$batch")
        {
            return method == "POST" && segments.Count == 1 && first.Parameters is null
                ? Batch.BatchEndpoint.HandleAsync(request)
                : throw NoResource(request);
        }
        if (FunctionEndpoints.IsUnboundFunction(first.Name))
        {
            return Get(request, method, () => FunctionEndpoints.WriteUnboundAsync(request, first));
        }
        if (QueryRoutes.TryRoute(request, segments, method) is { } extension) return extension;

        var table = request.Org.Schema.FindBySetName(first.Name) ?? throw DataverseErrors.UnknownSegment(first.Name);
        if (first.Parameters is null)
        {
            if (segments.Count == 1)
            {
                return method switch
                {
                    "GET" => QueryRoutes.QueryCollectionAsync(request, table),
                    "POST" => RecordEndpoints.CreateAsync(request, table),
                    _ => throw NoResource(request),
                };
            }
            if (segments.Count == 2 && segments[1].Name == "$count")
            {
                return Get(request, method, () => QueryRoutes.CountAsync(request, table, null));
            }
            throw DataverseErrors.UnknownSegment(segments[1].Name);
        }

        var key = ResourcePath.ParseParameters(first.Parameters);
        if (segments.Count == 1)
        {
            return method switch
            {
                "GET" => RecordEndpoints.RetrieveAsync(request, table, key, first.Parameters),
                "PATCH" => RecordEndpoints.UpsertAsync(request, table, key, first.Parameters),
                "DELETE" => RecordEndpoints.DeleteAsync(request, table, key, first.Parameters),
                _ => throw NoResource(request),
            };
        }
        var second = segments[1];
        if (FunctionEndpoints.IsBoundFunction(second.Name))
        {
            return Get(request, method, () => FunctionEndpoints.WriteBoundAsync(request, table, key, first.Parameters, second));
        }
        if (request.Org.Schema.FindNavigation(table.LogicalName, second.Name) is { } navigation)
        {
            return NavigationEndpoints.RouteAsync(request, table, key, first.Parameters, navigation, segments.Skip(1).ToArray());
        }
        if (table.FindProperty(second.Name) is { } column && segments.Count <= 3)
        {
            var raw = segments.Count == 3 && segments[2].Name == "$value";
            if (segments.Count == 3 && !raw) throw DataverseErrors.UnknownSegment(segments[2].Name);
            return PropertyEndpoints.RouteAsync(request, table, key, first.Parameters, column, raw);
        }
        throw DataverseErrors.UnknownSegment(second.Name);
    }

    private static Task Get(DataverseRequest request, string method, Func<Task> handler) =>
        method == "GET" ? handler() : throw NoResource(request);

    /// <summary>Dataverse's answer to a method a resource does not take (e.g. POST to a function).</summary>
    public static DataverseFault NoResource(DataverseRequest request) =>
        new(404, "", $"No HTTP resource was found that matches the request URI '{request.Http.Request.Scheme}://" +
            $"{request.Http.Request.Host}{request.Http.Request.Path}{request.Http.Request.QueryString}'.");
}
