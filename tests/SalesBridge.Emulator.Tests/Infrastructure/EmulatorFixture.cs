using System.Net.Http.Headers;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Emulator.Hosting;
using GeneratedWorld = SalesBridge.Emulator.DemoWorld.GeneratedWorld;

namespace SalesBridge.Emulator.Tests.Infrastructure;

/// <summary>
/// One emulator on a real loopback port with the demo world, shared by the tests of the "Emulator"
/// collection. Tests that change data create their own rows, so they do not depend on each other.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private readonly Dictionary<string, string> _tokens = new(StringComparer.OrdinalIgnoreCase);

    public EmulatorServer Server { get; private set; } = null!;
    public GeneratedWorld World => Server.World;
    public Uri WebApi => Server.WebApiUri;

    public CrmUser Admin => World.Users.First(u => u.Role == DemoUserRole.SystemAdministrator);
    public CrmUser Integration => World.Users.First(u => u.Role == DemoUserRole.IntegrationUser);
    public CrmUser RestrictedSalesperson => World.Users.First(u => u.Role == DemoUserRole.SalespersonWithoutOpportunityRead);
    public CrmUser Salesperson => World.Users.First(u => u.Role == DemoUserRole.Salesperson && !u.IsDisabled);

    public async Task InitializeAsync() => Server = await EmulatorServer.StartAsync(new EmulatorOptions { Size = "demo" });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A client of the Web API signed in as the integration (application) user, with Dataverse's usual headers.</summary>
    public async Task<HttpClient> ClientAsync() => Client(await TokenAsync(Integration));

    /// <summary>A client signed in as <paramref name="user"/> (interactive users through the sign-in page).</summary>
    public async Task<HttpClient> ClientAsync(CrmUser user) => Client(await TokenAsync(user));

    public HttpClient AnonymousClient() => Client(token: null);

    public HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = WebApi };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        client.DefaultRequestHeaders.Add("OData-MaxVersion", "4.0");
        client.DefaultRequestHeaders.Add("OData-Version", "4.0");
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> TokenAsync(CrmUser user)
    {
        if (_tokens.TryGetValue(user.DomainName, out var cached)) return cached;
        var token = user.ApplicationId is { } app
            ? await TokenClient.ClientCredentialsAsync(Server, app.ToString(), World.Spec.IntegrationClientSecret)
            : await TokenClient.SignInAsync(Server, user.DomainName, user.Password!);
        _tokens[user.DomainName] = token;
        return token;
    }
}

[CollectionDefinition("Emulator")]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>;
