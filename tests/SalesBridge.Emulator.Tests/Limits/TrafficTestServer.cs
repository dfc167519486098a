using System.Net.Http.Headers;
using System.Net.Http.Json;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Limits;
using SalesBridge.Emulator.Tests.Infrastructure;

namespace SalesBridge.Emulator.Tests.Limits;

/// <summary>
/// A tiny emulator of the test's own, whose limits and faults the test changes (never the shared fixture's),
/// with Web API clients for its users and a client of its control endpoints.
/// </summary>
public sealed class TrafficTestServer : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];

    private TrafficTestServer(EmulatorServer server) => Server = server;

    public EmulatorServer Server { get; }
    public OrgTraffic Traffic => Server.Traffic();
    public CrmUser Integration => Server.World.Users.First(u => u.Role == DemoUserRole.IntegrationUser);
    public CrmUser Salesperson => Server.World.Users.First(u => u.Role == DemoUserRole.Salesperson && !u.IsDisabled);
    public string OrgName => Server.Org.Settings.UrlName;

    public static async Task<TrafficTestServer> StartAsync(ServiceProtectionLimits? limits = null, TimeProvider? time = null) =>
        new(await EmulatorServer.StartAsync(new EmulatorOptions { Size = "tiny", ServiceProtection = limits }, time: time));

    /// <summary>A Web API client signed in as the integration (application) user.</summary>
    public Task<HttpClient> ClientAsync() => ClientAsync(Integration);

    public async Task<HttpClient> ClientAsync(CrmUser user)
    {
        var token = user.ApplicationId is { } app
            ? await TokenClient.ClientCredentialsAsync(Server, app.ToString(), Server.World.Spec.IntegrationClientSecret)
            : await TokenClient.SignInAsync(Server, user.DomainName, user.Password!);
        var client = Track(new HttpClient { BaseAddress = Server.WebApiUri });
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client of <c>/_emulator/orgs/{this org}/</c>.</summary>
    public HttpClient Control() => Track(new HttpClient { BaseAddress = new Uri(Server.BaseUri, $"_emulator/orgs/{OrgName}/") });

    public async Task PutFaultsAsync(object plan)
    {
        var response = await Control().PutAsJsonAsync("faults", plan);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"PUT faults: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        await Server.DisposeAsync();
    }

    private HttpClient Track(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }
}
