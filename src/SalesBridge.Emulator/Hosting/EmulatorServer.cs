using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesBridge.Emulator.Org;

namespace SalesBridge.Emulator.Hosting;

/// <summary>
/// The emulator running in-process on a real loopback port, for tests, benchmarks and the SalesBridge host's
/// demo mode. Dispose to stop it.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:53211/</c>; the Web API is under <c>api/data/v9.2/</c>.</summary>
    public Uri BaseUri { get; }
    public Uri WebApiUri => new(BaseUri, "api/data/v9.2/");
    public EmulatedOrg Org => _app.Services.GetRequiredService<OrgDirectory>().Default;
    public DemoWorld.GeneratedWorld World => _app.Services.GetRequiredService<DemoWorld.GeneratedWorld>();
    public IServiceProvider Services => _app.Services;
    public Uri TokenEndpoint => new(BaseUri, $"{Org.Settings.TenantId}/oauth2/v2.0/token");

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, string url = "http://127.0.0.1:0",
        TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Services.AddEmulator(options, time);
        var app = builder.Build();
        app.MapEmulator();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmulatorServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
