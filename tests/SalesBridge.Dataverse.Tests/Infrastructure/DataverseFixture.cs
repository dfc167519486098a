using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Dataverse.Authentication;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Emulator.Hosting;
using GeneratedWorld = SalesBridge.Emulator.DemoWorld.GeneratedWorld;

namespace SalesBridge.Dataverse.Tests.Infrastructure;

/// <summary>
/// The emulator with its demo org on a loopback port, and the client's real HTTP pipeline from DI. Tests that
/// write create their own rows so they do not depend on each other.
/// </summary>
public sealed class DataverseFixture : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public EmulatorServer Server { get; private set; } = null!;
    public GeneratedWorld World => Server.World;
    public DataverseClientFactory Factory { get; private set; } = null!;

    public CrmUser Admin => World.Users.First(u => u.Role == DemoUserRole.SystemAdministrator);
    public CrmUser Restricted => World.Users.First(u => u.Role == DemoUserRole.SalespersonWithoutOpportunityRead);
    public CrmUser Salesperson => World.Users.First(u => u.Role == DemoUserRole.Salesperson && !u.IsDisabled);

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(new EmulatorOptions { Size = "demo" });
        _services = new ServiceCollection().AddDataverseClientFactory().Services.BuildServiceProvider();
        Factory = _services.GetRequiredService<DataverseClientFactory>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }

    public DataverseClientOptions Options(Action<DataverseClientOptions>? configure = null)
    {
        var options = new DataverseClientOptions { OrganizationUrl = Server.BaseUri, AllowNonDynamicsHost = true };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A client signed in as the integration (application) user through the emulator's token endpoint.</summary>
    public async Task<DataverseClient> ClientAsync(Action<DataverseClientOptions>? configure = null) =>
        Factory.Create(Options(configure), new FixedTokenProvider(await ClientCredentialsTokenAsync()));

    public Task<string> ClientCredentialsTokenAsync() => Server.IntegrationTokenAsync();
}

[CollectionDefinition("Dataverse")]
public sealed class DataverseCollection : ICollectionFixture<DataverseFixture>;
