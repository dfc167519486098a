using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SalesBridge.Alerts;
using SalesBridge.CrmConnection;
using SalesBridge.CrmHealth;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmHealth;

/// <summary>The monitor as the host schedules it: a Quartz job that flags a failing connection without anyone asking.</summary>
[Collection(CrmCollection.Name)]
public sealed class ConnectionHealthJobTests(CrmWorkspaceFixture fixture)
{
    [Fact]
    public async Task Job_Triggered_FlagsTheFailingConnectionAndLeavesTheHealthyOne()
    {
        await using var host = await WorkspaceHost.StartAsync(TestDatabases.Sqlite, builder =>
        {
            CrmWorkspaceFixture.UseEmulator(builder, fixture.Emulator);
            builder.Configuration["CrmHealth:MonitorEnabled"] = "true";
        });
        var failing = await host.CreateAsync();
        var healthy = await host.CreateAsync();
        var connection = await host.ConnectApplicationUserAsync(failing, fixture.Emulator);
        await host.ConnectApplicationUserAsync(healthy, fixture.Emulator);
        await host.SetClientSecretAsync(connection.Id, "wrong-secret");
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = (ISimpleTrigger)(await scheduler.GetTrigger(new TriggerKey("connection-health", "crm")))!;

        await scheduler.TriggerJob(ConnectionHealthJob.Key);
        var flagged = await WaitForAsync(() => host.StoredConnectionAsync(failing.Id), c => c.Status == OrgConnectionStatus.Failing);

        trigger.RepeatInterval.ShouldBe(new CrmOptions().HealthCheckInterval);
        flagged.FailureMessage.ShouldBe(ConnectionFailureMessages.CouldNotConnect);
        (await host.AlertsAsync(failing.Id)).ShouldHaveSingleItem().Kind.ShouldBe(AdminAlertKind.ConnectionFailing);
        var other = await WaitForAsync(() => host.StoredConnectionAsync(healthy.Id), c => c.LastCheckedAt is not null);
        other.Status.ShouldBe(OrgConnectionStatus.Connected);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > until) return value;
            await Task.Delay(200);
        }
    }
}
