using Microsoft.Extensions.Time.Testing;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Tests.Infrastructure;

namespace SalesBridge.Emulator.Tests.ChangeTracking;

/// <summary>A tiny org of its own on a fake clock, for tests that age tokens or need to see every change.</summary>
public sealed class TrackedOrg : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    public EmulatorServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await EmulatorServer.StartAsync(new EmulatorOptions { Size = "tiny" }, time: Time);

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>
    /// A client of the system administrator (the integration role may not delete these tables) with a fresh access token:
    /// tokens live an hour of the fake clock.
    /// </summary>
    public async Task<HttpClient> ClientAsync()
    {
        var admin = Server.World.Users.First(u => u.Role == DemoUserRole.SystemAdministrator);
        var token = await TokenClient.SignInAsync(Server, admin.DomainName, admin.Password!);
        var client = new HttpClient { BaseAddress = Server.WebApiUri };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        client.DefaultRequestHeaders.Add("OData-MaxVersion", "4.0");
        client.DefaultRequestHeaders.Add("OData-Version", "4.0");
        return client;
    }
}
