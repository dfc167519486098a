using System.Net;
using Microsoft.Extensions.Time.Testing;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Tests.Infrastructure;

namespace SalesBridge.Emulator.Tests.WebApi;

/// <summary>A token that outlives its hour is refused by the Web API with Dataverse's AccessTokenExpired error.</summary>
public sealed class ExpiredTokenTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
    private EmulatorServer _server = null!;

    public async Task InitializeAsync() => _server = await EmulatorServer.StartAsync(new EmulatorOptions { Size = "tiny" }, time: _time);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Request_AfterTokenLifetime_Returns401AccessTokenExpired()
    {
        var spec = _server.World.Spec;
        var token = await TokenClient.ClientCredentialsAsync(_server, spec.IntegrationClientId.ToString(), spec.IntegrationClientSecret);
        using var client = new HttpClient { BaseAddress = _server.WebApiUri };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var fresh = await client.GetAsync("WhoAmI()");
        _time.Advance(TimeSpan.FromMinutes(61));
        var stale = await client.GetAsync("WhoAmI()");

        fresh.StatusCode.ShouldBe(HttpStatusCode.OK);
        stale.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        stale.Headers.GetValues("WWW-Authenticate").Single().ShouldStartWith("Bearer authorization_uri=");
        (await stale.ErrorAsync()).Code.ShouldBe("0x8005f101");
    }
}
