using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.CrmConnection;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Web.Demo;

namespace SalesBridge.Web.Tests.Infrastructure;

/// <summary>
/// The emulator over https (as it runs in demo mode, standing in for Entra ID and Dynamics) and one SalesBridge
/// host per database wired to it: its loopback host allowed as an org URL, its certificate pinned, SalesBridge's
/// sign-in app registered on it. Besides the default org it serves <c>v80</c> (reports Dynamics 8.0) and
/// <c>sandbox</c> (a sandbox org) at <c>{BaseUri}v80/</c> and <c>{BaseUri}sandbox/</c>.
/// </summary>
public sealed class CrmWorkspaceFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<WorkspaceHost>>> _hosts = new();

    public EmulatorServer Emulator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { Size = "tiny" };
        options.Clients.Add(DemoCrmApplication.Registration);
        options.AdditionalOrgs.Add(new AdditionalOrg("v80", Seed: 80, Version: "8.0"));
        options.AdditionalOrgs.Add(new AdditionalOrg("sandbox", Seed: 6, OrganizationType: 6));
        Emulator = await EmulatorServer.StartAsync(options, "https://127.0.0.1:0");
    }

    public Task<WorkspaceHost> HostAsync(string database) =>
        _hosts.GetOrAdd(database, name => new Lazy<Task<WorkspaceHost>>(() => WorkspaceHost.StartAsync(name, builder => UseEmulator(builder, Emulator)))).Value;

    /// <summary>Points a host at <paramref name="emulator"/> exactly as demo mode does.</summary>
    public static void UseEmulator(WebApplicationBuilder builder, EmulatorServer emulator)
    {
        builder.Services.PostConfigure<CrmOptions>(crm => DemoCrmApplication.Configure(crm, emulator.BaseUri));
        // Tests check connections themselves; a background check must not change one in the middle of a test.
        builder.Configuration["CrmHealth:MonitorEnabled"] = "false";
        // Likewise no scheduled import starts by itself; tests start runs (Sync now) or call ImportSchedule.RunOnceAsync.
        builder.Configuration["CrmImport:ScheduleEnabled"] = "false";
        var pins = new ServerCertificatePins();
        pins.Add(emulator.Certificate!);
        builder.Services.AddSingleton(pins);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts.Values.Where(lazy => lazy.IsValueCreated))
        {
            await (await host.Value).DisposeAsync();
        }
        await Emulator.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CrmCollection : ICollectionFixture<CrmWorkspaceFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Crm";
}
