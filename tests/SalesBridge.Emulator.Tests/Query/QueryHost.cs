using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Query;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.Tests.Query;

/// <summary>
/// The query engine behind a real Kestrel listener on loopback: <c>GET {set}</c>, <c>{set}/$count</c>,
/// <c>{set}(id)</c>, <c>{set}(id)/{collection}</c> and <c>$metadata</c> go straight to the Query entry points, with
/// the caller chosen by the <c>X-Test-Caller</c> header (admin unless "sales"). It stands in for the dispatcher's
/// routing so the engine is tested over HTTP on its own.
/// </summary>
public sealed class QueryHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private QueryHost(WebApplication app, QueryTestOrg org, Uri root)
    {
        _app = app;
        TestOrg = org;
        Root = root;
    }

    public QueryTestOrg TestOrg { get; }
    public Uri Root { get; }

    public static async Task<QueryHost> StartAsync(QueryTestOrg org)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Map("/api/data/v9.2/{**path}", (HttpContext http) => HandleAsync(http, org));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new QueryHost(app, org, new Uri(address.TrimEnd('/') + "/api/data/v9.2/"));
    }

    public HttpClient Client(string? caller = null, string? prefer = null)
    {
        var client = new HttpClient { BaseAddress = Root };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (caller is not null) client.DefaultRequestHeaders.Add("X-Test-Caller", caller);
        if (prefer is not null) client.DefaultRequestHeaders.Add("Prefer", prefer);
        return client;
    }

    public async Task<(int Status, JsonElement Body)> GetJsonAsync(string url, string? prefer = null, string? caller = null)
    {
        using var client = Client(caller, prefer);
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task HandleAsync(HttpContext http, QueryTestOrg org)
    {
        var path = http.Request.Path.Value!["/api/data/v9.2/".Length..];
        var caller = http.Request.Headers["X-Test-Caller"] == "sales" ? org.Salesperson : org.Admin;
        var root = $"{http.Request.Scheme}://{http.Request.Host}/api/data/v9.2/";
        try
        {
            var request = new DataverseRequest(http, org.Org, caller, PreferHeader.Parse(http.Request), root);
            await RouteAsync(request, path);
        }
        catch (DataverseFault fault) when (!http.Response.HasStarted)
        {
            await ErrorWriter.WriteAsync(http, fault);
        }
    }

    private static Task RouteAsync(DataverseRequest request, string path)
    {
        if (path == "$metadata") return MetadataDocument.WriteAsync(request);
        var segments = ResourcePath.Parse(path);
        var table = request.Org.Schema.FindBySetName(segments[0].Name) ?? throw DataverseErrors.UnknownSegment(segments[0].Name);
        if (segments[0].Parameters is null)
        {
            return segments.Count == 2 && segments[1].Name == "$count"
                ? CollectionQuery.WriteCountAsync(request, table, null)
                : CollectionQuery.WriteAsync(request, table, null, table.EntitySetName);
        }
        var id = Guid.Parse(segments[0].Parameters!);
        if (segments.Count == 2)
        {
            var navigation = request.Org.Schema.FindNavigation(table.LogicalName, segments[1].Name)!;
            var target = request.Org.Schema.GetTable(navigation.TargetTable);
            return CollectionQuery.WriteAsync(request, target,
                row => row.Reference(navigation.LookupAttribute!)?.Id == id, $"{table.EntitySetName}({id})/{navigation.Name}");
        }
        var row = request.Org.Store.Find(table.LogicalName, id) ?? throw DataverseErrors.RowNotFound(table.LogicalName, id);
        var query = SingleRowQuery.Parse(request, table);
        var writer = new RowJsonWriter(request.Org.Store, request.Prefer.Annotations);
        return request.WriteJsonAsync(200, json =>
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", query.ContextUrl(request.ServiceRoot, table.EntitySetName));
            json.WriteString("@odata.etag", row.ETag);
            foreach (var column in query.Columns) writer.WriteColumn(json, row, table, column);
            query.WriteExpanded(json, row);
            json.WriteEndObject();
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
