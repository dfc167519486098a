using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using SalesBridge.CrmConnection;
using SalesBridge.CrmImport;
using SalesBridge.Web.Crm;
using SalesBridge.Web.Tests.CrmSeats;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmImport;

/// <summary>
/// The schedule that starts runs (SPEC S21), on a host of its own (it looks at every contract of its database), with the
/// schedule's own job switched off so only the test's <see cref="ImportSchedule.RunOnceAsync"/> starts runs.
/// </summary>
[Collection(CrmCollection.Name)]
public sealed class ImportScheduleTests(CrmWorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task RunOnce_StartsDueContractsOnly_ResumesInterruptedAndCheckpointedRuns_ThenNothingIsDue(string database)
    {
        await using var host = await WorkspaceHost.StartAsync(database, builder => CrmWorkspaceFixture.UseEmulator(builder, fixture.Emulator));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var now = time.GetUtcNow();
        var schedule = new ImportSchedule(host.Services.GetRequiredService<IServiceScopeFactory>(), time, NullLogger<ImportSchedule>.Instance);

        async Task<Guid> Connected(Func<Guid, Task>? arrange = null, OrgConnectionStatus status = OrgConnectionStatus.Connected)
        {
            var contract = await host.CreateAsync();
            await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
            if (status != OrgConnectionStatus.Connected) await host.SetConnectionStatusAsync(contract.Id, status);
            if (arrange is not null) await arrange(contract.Id);
            return contract.Id;
        }
        var neverRan = await Connected();
        var failing = await Connected(status: OrgConnectionStatus.Failing);
        var recent = await Connected(id => host.InsertRunAsync(id, SyncRunStatus.Succeeded, now.AddMinutes(-5)));
        var old = await Connected(id => host.InsertRunAsync(id, SyncRunStatus.Succeeded, now.AddMinutes(-16)));
        var hourly = await Connected(async id =>
        {
            await host.SetIntervalAsync(id, 60);
            await host.InsertRunAsync(id, SyncRunStatus.Succeeded, now.AddMinutes(-20));
        });
        var paused = await Connected(status: OrgConnectionStatus.Paused);
        var disconnected = await Connected(status: OrgConnectionStatus.Disconnected);
        var liveRun = await Connected(id => host.InsertRunAsync(id, SyncRunStatus.Running, now.AddMinutes(-30), heartbeatAt: now));
        SyncRun? deadRun = null, failedLongAgo = null;
        var died = await Connected(async id => deadRun = await host.InsertRunAsync(id, SyncRunStatus.Running, now.AddMinutes(-6),
            heartbeatAt: now.AddMinutes(-5), checkpoint: "{}"));
        var failedJustNow = await Connected(id => host.InsertRunAsync(id, SyncRunStatus.Failed, now.AddMinutes(-6), TimeSpan.FromMinutes(1), checkpoint: "{}"));
        var resumable = await Connected(async id => failedLongAgo = await host.InsertRunAsync(id, SyncRunStatus.Failed, now.AddMinutes(-30),
            TimeSpan.FromMinutes(1), checkpoint: "{}"));

        var started = await schedule.RunOnceAsync(CancellationToken.None);

        var runs = await host.QueryAsync(db => db.SyncRuns.AsNoTracking().Where(r => started.Contains(r.Id)).ToListAsync());
        runs.Select(r => r.ContractId).ShouldBe([neverRan, failing, old, died, resumable], ignoreOrder: true);
        runs.ShouldAllBe(r => r.Trigger == SyncTrigger.Schedule && r.StartedById == null);
        runs.Single(r => r.ContractId == resumable).ResumesRunId.ShouldBe(failedLongAgo!.Id);
        runs.Single(r => r.ContractId == died).ResumesRunId.ShouldBe(deadRun!.Id);
        (await host.StoredRunAsync(deadRun.Id)).Status.ShouldBe(SyncRunStatus.Interrupted);
        _ = (recent, hourly, paused, disconnected, liveRun, failedJustNow);

        // The host's import job executes what was started; none of these contracts is due again until their interval passed.
        foreach (var run in runs) (await host.WaitForEndAsync(run.Id)).Status.ShouldNotBe(SyncRunStatus.Running);
        (await schedule.RunOnceAsync(CancellationToken.None)).ShouldBeEmpty();
        time.Advance(TimeSpan.FromMinutes(16));
        var later = await schedule.RunOnceAsync(CancellationToken.None);
        var laterContracts = await host.QueryAsync(db => db.SyncRuns.Where(r => later.Contains(r.Id)).Select(r => r.ContractId).ToListAsync());
        laterContracts.ShouldContain(recent);
        laterContracts.ShouldNotContain(hourly);
        laterContracts.ShouldNotContain(paused);
    }

    [Fact]
    public async Task Job_IsScheduledEveryTick_AndDoesNothingWhenSwitchedOff()
    {
        await using var host = await WorkspaceHost.StartAsync(TestDatabases.Sqlite, builder =>
        {
            CrmWorkspaceFixture.UseEmulator(builder, fixture.Emulator);
            builder.Configuration["CrmImport:ScheduleTickInterval"] = "00:00:45";
        });
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = (ISimpleTrigger)(await scheduler.GetTrigger(new TriggerKey("import-schedule", "crm")))!;
        trigger.RepeatInterval.ShouldBe(TimeSpan.FromSeconds(45));

        await scheduler.TriggerJob(ImportScheduleJob.Key);
        await Task.Delay(1000);
        (await host.QueryAsync(db => db.SyncRuns.CountAsync(r => r.ContractId == contract.Id))).ShouldBe(0);
    }
}
