using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Alerts;
using SalesBridge.CrmConnection;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Web.Demo;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmHealth;

/// <summary>
/// An admin sign-in whose sessions were revoked in Entra (revokeSignInSessions): the next check fails with the S4
/// message and says whose sign-in is gone. On an emulator and host of its own: revoking is not to touch the shared org.
/// </summary>
[Collection(CrmCollection.Name)]
public sealed class RevokedSignInTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Check_AdminSignInRevoked_FailingWithCouldNotConnectAndWhoseSignInIsGone(string database)
    {
        var options = new EmulatorOptions { Size = "tiny" };
        options.Clients.Add(DemoCrmApplication.Registration);
        await using var emulator = await EmulatorServer.StartAsync(options, "https://127.0.0.1:0");
        await using var host = await WorkspaceHost.StartAsync(database, builder =>
        {
            CrmWorkspaceFixture.UseEmulator(builder, emulator);
            // The sign-in app in its tenant: the demo's "organizations" is refused by the provider's options check
            // (TenantId must be a GUID), a gap of the demo configuration reported with this change.
            var tenant = emulator.Org.Settings.TenantId.ToString();
            builder.Services.PostConfigure<CrmOptions>(crm => crm.SignIn = new CrmSignInApplication
            {
                TenantId = tenant, ClientId = DemoCrmApplication.ClientId, ClientSecret = DemoCrmApplication.ClientSecret,
                Authority = new Uri(emulator.BaseUri, tenant), AllowNonEntraAuthority = true,
            });
        });
        var contract = await host.CreateAsync();
        var admin = emulator.World.Admin;
        var connection = await host.ConnectAdminSignInAsync(contract, emulator, admin);
        connection.ProtectedTokenCache.ShouldNotBeNull();
        (await host.CheckHealthAsync(contract)).Status.ShouldBe(OrgConnectionStatus.Connected);

        emulator.RevokeSignInSessions(admin.DomainName).ShouldBeGreaterThan(0);
        var status = await host.CheckHealthAsync(contract);

        status.Status.ShouldBe(OrgConnectionStatus.Failing);
        status.FailureMessage.ShouldBe("Could not connect to CRM. Please try again later.");
        status.FailureCauses[0].ShouldBe($"The sign-in of {admin.DomainName} was revoked or has expired; reconnect under CRM Settings.");
        status.FailureCauses.ShouldContain(cause => cause.Contains("AADSTS50173", StringComparison.Ordinal));
        var alert = (await host.AlertsAsync(contract.Id)).ShouldHaveSingleItem();
        alert.Kind.ShouldBe(AdminAlertKind.ConnectionFailing);
        alert.Detail.ShouldContain($"The sign-in of {admin.DomainName} was revoked or has expired");
    }
}
