using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Alerts;
using SalesBridge.CrmConnection;
using SalesBridge.CrmHealth;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmHealth;

/// <summary>B8: a failing connection alerts the admins once, pauses sync after the grace period, and recovers.</summary>
[Collection(CrmCollection.Name)]
public sealed class CheckConnectionHealthTests(CrmWorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Check_HealthyConnection_StaysConnectedWithoutAlerts(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        var connection = await host.ConnectApplicationUserAsync(contract, fixture.Emulator);

        var status = await host.CheckHealthAsync(contract);

        status.Status.ShouldBe(OrgConnectionStatus.Connected);
        status.SyncAllowed.ShouldBeTrue();
        status.FailureMessage.ShouldBeNull();
        var stored = await host.StoredConnectionAsync(contract.Id);
        stored.LastCheckedAt.ShouldNotBeNull();
        stored.Revision.ShouldBe(connection.Revision, "a passing check of a healthy connection changes nothing that others must notice");
        (await host.AlertsAsync(contract.Id)).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Check_SecretChangedInEntra_FailingWithOneAlertNamingTheCause(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        var connection = await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        await host.SetClientSecretAsync(connection.Id, "a-secret-that-was-rotated-away");
        var clock = CrmHealthArrange.Clock();

        var first = await host.CheckHealthAsync(contract, clock);
        clock.Advance(TimeSpan.FromHours(1));
        var second = await host.CheckHealthAsync(contract, clock);

        first.Status.ShouldBe(OrgConnectionStatus.Failing);
        first.FailureMessage.ShouldBe(ConnectionFailureMessages.CouldNotConnect);
        first.FailureCauses.ShouldContain(cause => cause.Contains("AADSTS7000215", StringComparison.Ordinal));
        first.SyncAllowed.ShouldBeTrue("sync continues through the grace period");
        second.Status.ShouldBe(OrgConnectionStatus.Failing);
        second.FailingSince.ShouldBe(first.FailingSince);
        second.SyncPausesAt.ShouldBe(first.FailingSince + TimeSpan.FromDays(3));
        var alert = (await host.AlertsAsync(contract.Id)).ShouldHaveSingleItem();
        alert.Kind.ShouldBe(AdminAlertKind.ConnectionFailing);
        alert.ResolvedAt.ShouldBeNull();
        alert.Detail.ShouldStartWith(ConnectionFailureMessages.CouldNotConnect);
        alert.Detail.ShouldContain("AADSTS7000215");
        alert.Detail.ShouldNotContain("a-secret-that-was-rotated-away");
        var stored = await host.StoredConnectionAsync(contract.Id);
        stored.FailureCauses.ShouldNotBeNull().ShouldContain("AADSTS7000215");
        stored.LastCheckedAt.ShouldBe(clock.GetUtcNow());
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Check_StillFailingAfterGracePeriod_PausesSyncWithSecondAlert(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        var connection = await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        await host.SetClientSecretAsync(connection.Id, "wrong-secret");
        var clock = CrmHealthArrange.Clock();
        await host.CheckHealthAsync(contract, clock);
        clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        var justBefore = await host.CheckHealthAsync(contract, clock);

        clock.Advance(TimeSpan.FromMinutes(1));
        var paused = await host.CheckHealthAsync(contract, clock);

        justBefore.Status.ShouldBe(OrgConnectionStatus.Failing);
        paused.Status.ShouldBe(OrgConnectionStatus.Paused);
        paused.SyncAllowed.ShouldBeFalse();
        CheckConnectionHealth.SyncAllowed(await host.StoredConnectionAsync(contract.Id)).ShouldBeFalse();
        var alerts = await host.AlertsAsync(contract.Id);
        alerts.Count.ShouldBe(2);
        var pausedAlert = alerts.Single(a => a.Kind == AdminAlertKind.SyncPaused);
        pausedAlert.Detail.ShouldContain("sync is paused until an admin reconnects");
        pausedAlert.Detail.ShouldContain("AADSTS7000215");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Check_SecretFixedAfterPause_ConnectedAndAlertsResolved(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        var connection = await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        await host.SetClientSecretAsync(connection.Id, "wrong-secret");
        var clock = CrmHealthArrange.Clock();
        await host.CheckHealthAsync(contract, clock);
        clock.Advance(TimeSpan.FromDays(4));
        (await host.CheckHealthAsync(contract, clock)).Status.ShouldBe(OrgConnectionStatus.Paused);

        await host.SetClientSecretAsync(connection.Id, fixture.Emulator.World.Spec.IntegrationClientSecret);
        clock.Advance(TimeSpan.FromMinutes(5));
        var recovered = await host.CheckHealthAsync(contract, clock);

        recovered.Status.ShouldBe(OrgConnectionStatus.Connected);
        recovered.SyncAllowed.ShouldBeTrue();
        recovered.FailingSince.ShouldBeNull();
        recovered.FailureCauses.ShouldBeEmpty();
        var stored = await host.StoredConnectionAsync(contract.Id);
        stored.FailureMessage.ShouldBeNull();
        stored.FailureCauses.ShouldBeNull();
        var alerts = await host.AlertsAsync(contract.Id);
        alerts.Count.ShouldBe(2);
        alerts.ShouldAllBe(a => a.ResolvedAt == clock.GetUtcNow());
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Check_FailingAgainAfterAdminDismissedTheAlert_RaisesNoNewAlert(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        var connection = await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        await host.SetClientSecretAsync(connection.Id, "wrong-secret");
        await host.CheckHealthAsync(contract);
        var alert = (await host.AlertsAsync(contract.Id)).ShouldHaveSingleItem();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ResolveAdminAlert>().HandleAsync(contract.AdminCaller(), alert.Id, CancellationToken.None);
        }

        var again = await host.CheckHealthAsync(contract);

        again.Status.ShouldBe(OrgConnectionStatus.Failing);
        (await host.AlertsAsync(contract.Id)).ShouldHaveSingleItem().ResolvedAt.ShouldNotBeNull();
    }
}
