using Microsoft.Extensions.DependencyInjection;
using SalesBridge.CrmConnection;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Persistence;

namespace SalesBridge.Web.Tests.Infrastructure;

/// <summary>Arranges a connected contract directly in the database, for tests of what comes after connecting.</summary>
public static class TestCrmConnections
{
    /// <summary>Stores a connection of <paramref name="contract"/> to the emulator's default org as its application (integration) user.</summary>
    public static async Task<OrgConnection> ConnectApplicationUserAsync(this WorkspaceHost host, TestContract contract, EmulatorServer emulator)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<CrmSecretProtector>();
        var spec = emulator.World.Spec;
        var connection = new OrgConnection
        {
            ContractId = contract.Id, OrganizationUrl = emulator.BaseUri.ToString(), OrganizationId = emulator.Org.Settings.OrganizationId,
            OrganizationName = emulator.Org.Settings.FriendlyName, EnvironmentLabel = "Production",
            SignInMethod = OrgSignInMethod.ApplicationUser, TenantId = emulator.Org.Settings.TenantId.ToString(),
            ClientId = spec.IntegrationClientId.ToString(), ProtectedClientSecret = protector.Protect(spec.IntegrationClientSecret),
            SignedInAs = spec.IntegrationClientId.ToString(), CrmUserId = emulator.World.IntegrationUser.Id,
            Status = OrgConnectionStatus.Connected, ConnectedAt = DateTimeOffset.UtcNow, ConnectedById = contract.Admin.Id,
        };
        db.OrgConnections.Add(connection);
        await db.SaveChangesAsync();
        return connection;
    }
}
