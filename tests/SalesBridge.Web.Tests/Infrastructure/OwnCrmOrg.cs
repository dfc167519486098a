using Microsoft.Extensions.DependencyInjection;
using SalesBridge.CrmConnection;
using SalesBridge.Dataverse;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Web.Demo;

namespace SalesBridge.Web.Tests.Infrastructure;

/// <summary>
/// An emulator of its own (https, tiny world) and a SalesBridge host wired to it like demo mode, for tests that change an
/// org's schema (custom columns, the SalesBridge solution) and so must not touch the collection's shared org.
/// </summary>
public sealed class OwnCrmOrg : IAsyncDisposable
{
    private OwnCrmOrg(EmulatorServer emulator, WorkspaceHost host)
    {
        Emulator = emulator;
        Host = host;
    }

    public EmulatorServer Emulator { get; }
    public WorkspaceHost Host { get; }

    /// <param name="size">The demo world's size: <c>tiny</c> (2 salespeople) or <c>demo</c> (9).</param>
    /// <param name="settings">More host settings (<c>--Section:Key=value</c>).</param>
    public static async Task<OwnCrmOrg> StartAsync(string database, string size = "tiny", IEnumerable<string>? settings = null)
    {
        var options = new EmulatorOptions { Size = size };
        options.Clients.Add(DemoCrmApplication.Registration);
        var emulator = await EmulatorServer.StartAsync(options, "https://127.0.0.1:0");
        var host = await WorkspaceHost.StartAsync(database, builder => CrmWorkspaceFixture.UseEmulator(builder, emulator), settings);
        return new OwnCrmOrg(emulator, host);
    }

    /// <summary>A contract connected to this org as its integration user.</summary>
    public async Task<TestContract> ConnectedContractAsync()
    {
        var contract = await Host.CreateAsync();
        await Host.ConnectApplicationUserAsync(contract, Emulator);
        return contract;
    }

    /// <summary>The org as the contract's connection sees it, to change its schema the way a CRM customizer would.</summary>
    public async Task<DataverseClient> ClientAsync(TestContract contract)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrgClients>().ForContractAsync(contract.Id, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
