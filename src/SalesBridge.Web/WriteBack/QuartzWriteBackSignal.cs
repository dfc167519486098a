using Quartz;
using SalesBridge.Web.Hosting;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.WriteBack;

/// <summary>
/// Wakes a contract's <see cref="WriteBackJob"/> through Quartz, on whichever node runs jobs. Wake-ups fold into a pass that
/// has not started yet: while a trigger of the job still waits (or waits for the running pass to end), that pass will read
/// this commit, so a burst of 10,000 commits starts a handful of passes, not 10,000. The check asks the scheduler's store, so
/// it holds across the nodes of a cluster.
/// </summary>
internal sealed class QuartzWriteBackSignal(ISchedulerFactory schedulers, ILogger<QuartzWriteBackSignal> log) : IWriteBackSignal
{
    public void Wake(Guid contractId) => _ = TriggerAsync(contractId);

    private async Task TriggerAsync(Guid contractId)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler();
            var key = WriteBackJob.KeyFor(contractId);
            if ((await WaitingTriggersAsync(scheduler, key, CancellationToken.None)).Count > 0) return;
            await scheduler.TriggerDurableAsync<WriteBackJob>(key);
        }
        catch (Exception failure) when (failure is SchedulerException or ObjectDisposedException or InvalidOperationException)
        {
            // Nothing is lost: the items stay marked and the sweep starts their pass.
            log.LogWarning(failure, "Could not wake the write-back worker of contract {ContractId}; the sweep will.", contractId);
        }
    }

    /// <summary>
    /// For a contract whose items have waited far longer than any wake-up takes: replaces the job's triggers that wait
    /// (or wait blocked) with a fresh one, keeping one that is executing. A trigger left blocked behind an execution that
    /// no longer exists (a node that died in a way the cluster's recovery did not settle) would otherwise fold every
    /// wake-up into itself for ever. Harmless when the wait had another cause: the fresh trigger runs, or waits behind
    /// the running pass, exactly as the replaced one would have.
    /// </summary>
    /// <returns>How many triggers were replaced.</returns>
    public async Task<int> RestartAsync(Guid contractId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = WriteBackJob.KeyFor(contractId);
        var replaced = 0;
        foreach (var trigger in await WaitingTriggersAsync(scheduler, key, cancellationToken))
        {
            if (await scheduler.UnscheduleJob(trigger, cancellationToken)) replaced++;
        }
        await scheduler.TriggerDurableAsync<WriteBackJob>(key, cancellationToken: cancellationToken);
        return replaced;
    }

    /// <summary>The job's triggers that have yet to fire: waiting, or blocked behind the pass that runs now.</summary>
    private static async Task<List<TriggerKey>> WaitingTriggersAsync(IScheduler scheduler, JobKey key, CancellationToken cancellationToken)
    {
        var waiting = new List<TriggerKey>();
        foreach (var trigger in await scheduler.GetTriggersOfJob(key, cancellationToken))
        {
            if (await scheduler.GetTriggerState(trigger.Key, cancellationToken) is TriggerState.Normal or TriggerState.Blocked) waiting.Add(trigger.Key);
        }
        return waiting;
    }
}
