using System.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesBridge.Access;
using SalesBridge.Alerts;
using SalesBridge.CrmConnection;
using SalesBridge.CrmHealth;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Web.Crm;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmHealth;

/// <summary>Arranges stored connections in a given state and runs health checks as the monitor or an admin does.</summary>
internal static class CrmHealthArrange
{
    /// <summary>A test clock at now, on a whole second: PostgreSQL keeps microseconds, so times read back compare equal.</summary>
    public static FakeTimeProvider Clock()
    {
        var now = DateTimeOffset.UtcNow;
        return new FakeTimeProvider(now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerSecond)));
    }

    public static Caller AdminCaller(this TestContract contract) => new(contract.Admin.Id, contract.Id, "Admin", contract.Admin.Email, true, false);

    /// <summary>An admin's "check now", optionally on a clock of the test's own (the grace period).</summary>
    public static async Task<ConnectionHealthStatus> CheckHealthAsync(this WorkspaceHost host, TestContract contract, TimeProvider? time = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var check = time is null
            ? scope.ServiceProvider.GetRequiredService<CheckConnectionHealth>()
            : ActivatorUtilities.CreateInstance<CheckConnectionHealth>(scope.ServiceProvider, time);
        return await check.HandleAsync(contract.AdminCaller(), CancellationToken.None);
    }

    /// <summary>Stores another client secret, as when the application user's secret was changed (or rotated) in Entra.</summary>
    public static Task SetClientSecretAsync(this WorkspaceHost host, Guid connectionId, string secret) => host.QueryAsync(async db =>
    {
        var protector = host.Services.GetRequiredService<CrmSecretProtector>();
        var connection = await db.OrgConnections.SingleAsync(c => c.Id == connectionId);
        connection.ProtectedClientSecret = protector.Protect(secret);
        connection.Revision = Guid.NewGuid();
        return await db.SaveChangesAsync();
    });

    /// <summary>The contract's connection row, which must exist.</summary>
    public static async Task<OrgConnection> StoredConnectionAsync(this WorkspaceHost host, Guid contractId) =>
        (await host.ConnectionAsync(contractId)).ShouldNotBeNull();

    public static Task<List<AdminAlert>> AlertsAsync(this WorkspaceHost host, Guid contractId) =>
        host.QueryAsync(db => db.AdminAlerts.AsNoTracking().Where(a => a.ContractId == contractId).ToListAsync());

    /// <summary>
    /// A connection signed in as <paramref name="user"/> through SalesBridge's sign-in app (SPEC S1): the row first (its
    /// token cache lives on it), then the authorization-code sign-in on the emulator's form, completed by the provider.
    /// </summary>
    public static async Task<OrgConnection> ConnectAdminSignInAsync(this WorkspaceHost host, TestContract contract, EmulatorServer emulator, CrmUser user)
    {
        var connection = new OrgConnection
        {
            ContractId = contract.Id, OrganizationUrl = emulator.BaseUri.ToString(), OrganizationId = emulator.Org.Settings.OrganizationId,
            OrganizationName = emulator.Org.Settings.FriendlyName, EnvironmentLabel = "Production", SignInMethod = OrgSignInMethod.AdminSignIn,
            SignedInAs = user.DomainName, CrmUserId = user.Id, Status = OrgConnectionStatus.Connected,
            ConnectedAt = DateTimeOffset.UtcNow, ConnectedById = contract.Admin.Id,
        };
        await host.QueryAsync(db =>
        {
            db.OrgConnections.Add(connection);
            return db.SaveChangesAsync();
        });

        var provider = host.Services.GetRequiredService<OrgTokenProviders>().ForAdminSignIn(connection.Id, new Uri(host.BaseUri, CrmSignInRedirect.Path));
        var request = await provider.StartSignInAsync(emulator.BaseUri, user.DomainName);
        var redirect = await emulator.SignInOnEmulatorAsync(request.AuthorizationUrl, user);
        var answer = HttpUtility.ParseQueryString(redirect.Query);
        await provider.CompleteSignInAsync(request, answer["code"]!, answer["state"]);
        return await host.StoredConnectionAsync(contract.Id);
    }
}
