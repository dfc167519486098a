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
/// The Web API's router behind a real Kestrel listener on loopback, over a small org of the query tests' own,
/// with the caller chosen by the <c>X-Test-Caller</c> header (admin unless "sales") instead of a token, so the
/// query engine is tested over HTTP on data shaped for each case.
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
        var caller = http.Request.Headers["X-Test-Caller"] == "sales" ? org.Salesperson : org.Admin;
        var root = $"{http.Request.Scheme}://{http.Request.Host}/api/data/v9.2/";
        try
        {
            var request = new DataverseRequest(http, org.Org, caller, PreferHeader.Parse(http.Request), root);
            await RequestRouter.RouteAsync(request, http.Request.Path.ToUriComponent()["/api/data/v9.2/".Length..]);
        }
        catch (DataverseFault fault) when (!http.Response.HasStarted)
        {
            await ErrorWriter.WriteAsync(http, fault);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
