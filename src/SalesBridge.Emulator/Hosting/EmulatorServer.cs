using System.Security.Cryptography.X509Certificates;
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

    private EmulatorServer(WebApplication app, Uri baseUri, X509Certificate2? certificate)
    {
        _app = app;
        BaseUri = baseUri;
        Certificate = certificate;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:53211/</c>; the Web API is under <c>api/data/v9.2/</c>.</summary>
    public Uri BaseUri { get; }
    public Uri WebApiUri => new(BaseUri, "api/data/v9.2/");
    public EmulatedOrg Org => _app.Services.GetRequiredService<OrgDirectory>().Default;
    /// <summary>The default org's Entra credentials: register application certificates here (<see cref="OrgCredentials.AddClientCertificate"/>).</summary>
    public OrgCredentials Credentials => _app.Services.GetRequiredService<OrgDirectory>().CredentialsOf(Org);
    public DemoWorld.GeneratedWorld World => _app.Services.GetRequiredService<DemoWorld.GeneratedWorld>();
    public IServiceProvider Services => _app.Services;
    /// <summary>
    /// The self-signed certificate served when the URL is https (generated at start, see <see cref="EmulatorCertificate"/>);
    /// null over plain http. Clients pin it, since nothing else trusts it.
    /// </summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>
    /// Revokes every refresh token issued to <paramref name="userName"/> so far (Graph's <c>revokeSignInSessions</c>);
    /// a later refresh is refused with AADSTS50173. Same as <c>POST /_emulator/users/{userName}/revoke-sessions</c>.
    /// </summary>
    /// <returns>How many refresh tokens were revoked.</returns>
    public int RevokeSignInSessions(string userName) => _app.Services.GetRequiredService<Identity.RefreshTokenStore>().RevokeSignInSessions(userName);

    public Uri TokenEndpoint => new(BaseUri, $"{Org.Settings.TenantId}/oauth2/v2.0/token");

    /// <summary>
    /// Starts the emulator on <paramref name="url"/>: plain http by default; with an https URL (e.g.
    /// <c>https://127.0.0.1:0</c>) it serves TLS with a certificate generated for this run.
    /// </summary>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, string url = "http://127.0.0.1:0",
        TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        var servesHttps = url.Split(';').Any(one => one.Trim().StartsWith("https:", StringComparison.OrdinalIgnoreCase));
        var certificate = servesHttps ? EmulatorCertificate.Create(TimeProvider.System) : null;
        if (certificate is not null)
        {
            // The slim builder leaves Kestrel's https support out until asked for.
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        }
        builder.Logging.ClearProviders();
        builder.Services.AddEmulator(options, time);
        var app = builder.Build();
        app.MapEmulator();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmulatorServer(app, new Uri(address.TrimEnd('/') + "/"), certificate);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate?.Dispose();
    }
}
