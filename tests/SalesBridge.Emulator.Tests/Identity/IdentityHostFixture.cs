using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SalesBridge.Emulator.Identity;

namespace SalesBridge.Emulator.Tests.Identity;

/// <summary>
/// The token service over real HTTP on a free loopback port, with a fake clock, a seeded directory and a
/// protected endpoint that behaves like a Dataverse org (<c>/api/data/v9.2/WhoAmI</c>) on the same origin.
/// </summary>
public sealed class IdentityHostFixture : IAsyncLifetime
{
    public const string TenantId = "5f1c7d1e-9b0a-4d8e-a1a2-3c4d5e6f7a8b";
    public const string AppClientId = "0a6d3c1e-2b4f-4c8a-9d0e-1f2a3b4c5d6e";
    public const string AppSecret = "app~secret.value";
    public const string DisabledAppClientId = "7e8f9a0b-1c2d-4e3f-8a9b-0c1d2e3f4a5b";
    public const string PublicClientId = "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e";
    public const string PublicRedirectUri = "http://127.0.0.1:49152/callback";
    public const string WebClientId = "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f";
    public const string WebClientSecret = "web~secret.value";
    public const string WebRedirectUri = "https://salesbridge.example/signin-oidc";
    public const string Password = "Correct horse battery 1!";

    private WebApplication? _app;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public InMemorySignInDirectory Directory { get; } = new();

    public SignInAccount Application { get; private set; } = null!;

    public SignInAccount User { get; private set; } = null!;

    /// <summary>The emulator's origin, which is also the org URL and so the token audience.</summary>
    public string BaseAddress { get; private set; } = "";

    public string Resource => BaseAddress;

    public IServiceProvider Services => _app!.Services;

    public IdentityTestClient CreateClient() => new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseAddress) });

    public async Task InitializeAsync()
    {
        Application = Directory.AddApplication(AppClientId, "SalesBridge sync", AppSecret);
        Directory.AddApplication(DisabledAppClientId, "Retired sync", AppSecret, disabled: true);
        User = Directory.AddUser("ada@contoso.example", "Ada Lovelace", Password);
        Directory.AddUser("grace@contoso.example", "Grace Hopper", Password, disabled: true);
        Directory.AddClient(PublicClientId, null, PublicRedirectUri);
        Directory.AddClient(WebClientId, WebClientSecret, WebRedirectUri);

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddSingleton<ISignInDirectory>(Directory);
        builder.Services.AddEmulatorIdentity(options => options.TenantId = TenantId);
        _app = builder.Build();
        _app.MapEmulatorIdentity();
        _app.MapGet("/api/data/v9.2/WhoAmI", WhoAmI);
        await _app.StartAsync();
        BaseAddress = _app.Services.GetRequiredService<IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static async Task WhoAmI(HttpContext context, AccessTokenValidator validator)
    {
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        var outcome = validator.Validate(context.Request.Headers.Authorization, origin);
        if (outcome is AccessTokenValidation.Valid valid)
        {
            await context.Response.WriteAsJsonAsync(new Dictionary<string, Guid> { ["UserId"] = valid.Caller.ObjectId });
            return;
        }

        await BearerChallenge.Write401(context, outcome);
    }
}
