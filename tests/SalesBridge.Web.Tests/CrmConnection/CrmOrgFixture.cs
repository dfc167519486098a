using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesBridge.CrmConnection;
using SalesBridge.Dataverse.Authentication;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Emulator.Hosting;

namespace SalesBridge.Web.Tests.CrmConnection;

/// <summary>
/// An emulated org on a loopback port and <see cref="ConnectionCheck"/> from DI, as the host will wire it. Each
/// test class gets its own org, so an org configured as 8.0 or a role stripped of a privilege stays in its class.
/// </summary>
public abstract class CrmOrgFixture : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public EmulatorServer Server { get; private set; } = null!;
    public GeneratedWorld World => Server.World;
    public ConnectionCheck Check => _services.GetRequiredService<ConnectionCheck>();
    public CapturedLogs Logs { get; } = new();

    /// <summary>The org as the test class needs it: its version and type.</summary>
    protected virtual EmulatorOptions Options => new() { Size = "tiny" };

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(Options);
        _services = new ServiceCollection().AddLogging(logging => logging.AddProvider(Logs)).AddCrmConnectionCheck().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>A check of the emulated org, whose loopback host is on the allow-list as in demo mode.</summary>
    public ConnectionCheckRequest Request(ITokenProvider tokens, string? url = null) => new()
    {
        OrganizationUrl = url ?? Server.BaseUri.ToString(), Tokens = tokens, AllowedExtraHosts = ["127.0.0.1"],
    };

    public async Task<ITokenProvider> IntegrationUserAsync() => new FixedTokenProvider(await Server.IntegrationTokenAsync());

    /// <summary>Signs <paramref name="user"/> in through the emulator's sign-in page, as the admin does in the browser.</summary>
    public async Task<ITokenProvider> SignInAsync(CrmUser user) => new FixedTokenProvider(await AccessTokenAsync(user));

    public Task<string> AccessTokenAsync(CrmUser user) => EmulatorSignIn.AccessTokenAsync(Server, user.InternalEmailAddress, World.Spec.DemoPassword);
}

/// <summary>A production org on a current version.</summary>
public sealed class ProductionOrgFixture : CrmOrgFixture;

/// <summary>An org that reports Dynamics 2016 8.0, which SalesBridge refuses.</summary>
public sealed class Version80OrgFixture : CrmOrgFixture
{
    protected override EmulatorOptions Options => new() { Size = "tiny", Version = "8.0" };
}

/// <summary>A sandbox org (OrganizationType 6, CustomerFreeTest).</summary>
public sealed class SandboxOrgFixture : CrmOrgFixture
{
    protected override EmulatorOptions Options => new() { Size = "tiny", OrganizationType = 6 };
}

/// <summary>A production org whose salespeople may read but not write activities (set up by the test class).</summary>
public sealed class ReadOnlySalespeopleOrgFixture : CrmOrgFixture;
