using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SalesBridge.CrmSettings;
using SalesBridge.Web.Hosting;
using SalesBridge.Web.Tests.Infrastructure;
using SalesBridge.Web.Tests.WriteBack;
using SalesBridge.Web.WriteBack;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.Tests.Cluster;

/// <summary>
/// A contract's write-back job whose trigger the clustered store left blocked behind an execution that no longer exists
/// (what a node dying at the wrong moment can leave): every wake-up folds into that trigger, so only the sweep's restart
/// of long-waiting contracts gets the items out.
/// </summary>
public sealed class StuckWriteBackTests
{
    [Fact]
    public async Task ATriggerLeftBlocked_IsReplacedByTheSweep_AndTheItemIsWritten()
    {
        if (!TestDatabases.PostgresWanted) return;
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Postgres, hostSettings:
            ["--Scheduler:Clustered=true", "--Scheduler:CheckinInterval=00:00:01", "--WriteBack:SweepInterval=00:00:01", "--WriteBack:StuckAfter=00:00:15"]);
        var scheduler = await org.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = WriteBackJob.KeyFor(org.ContractId);
        await scheduler.AddJob(JobBuilder.Create<WriteBackJob>().WithIdentity(job).StoreDurably().RequestRecovery().Build(), AddJobOptions.Replacing);
        // The passes the set-up woke are over: none waits and none runs (a running one could still pick the note up, and
        // its end would unblock the job's triggers). The clustered store sees every node's executions. Quiet for two
        // seconds on end, not once: a wake-up is fire-and-forget, so the set-up's last one can still be on its way to the
        // store when a single check finds nothing (it failed in CI that way).
        async Task<bool> Busy() => (await scheduler.GetTriggersOfJob(job)).Count > 0
            || (await scheduler.QueryFireInstances(new FireInstanceQuery { Job = job })).Items.Count > 0;
        var quietSince = DateTime.UtcNow;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline && DateTime.UtcNow - quietSince < TimeSpan.FromSeconds(2);)
        {
            if (await Busy()) quietSince = DateTime.UtcNow;
            await Task.Delay(100);
        }
        (DateTime.UtcNow - quietSince).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2), "the set-up's write-back passes must end");
        await scheduler.ScheduleJob(TriggerBuilder.Create().WithIdentity("left-behind", "test").ForJob(job).StartAt(DateTimeOffset.UtcNow.AddHours(1)).Build());
        (await org.Host.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "update qrtz_triggers set trigger_state = 'BLOCKED' where trigger_name = 'left-behind' and trigger_group = 'test'"))).ShouldBe(1);
        (await scheduler.GetTriggerState(new TriggerKey("left-behind", "test"))).ShouldBe(TriggerState.Blocked);
        var (person, _) = await org.MatchedPersonAsync();

        var note = await org.AddNoteAsync(person);

        // The wake-up folded into the blocked trigger: nothing happens until the item has waited StuckAfter (15 s, far
        // beyond this check even on a loaded CI machine).
        await Task.Delay(TimeSpan.FromSeconds(3));
        (await org.Host.QueryAsync(db => db.WriteBackItems.Where(i => i.ItemId == note).Select(i => i.Status).SingleAsync())).ShouldBe(WriteBackStatus.Queued);
        var written = await org.WaitForAsync(note, i => i.Status == WriteBackStatus.Written, "the sweep to restart the contract's job");
        written.Pending.ShouldBeFalse();
        (await org.ActivityAsync(WriteBackItemKind.Note, note)).ShouldNotBeNull();
        (await scheduler.GetTrigger(new TriggerKey("left-behind", "test"))).ShouldBeNull("the blocked trigger was replaced");
    }
}
