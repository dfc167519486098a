using Quartz;

namespace SalesBridge.Web.Hosting;

/// <summary>
/// Per-contract jobs (an import run, a write-back pass) are stored once, durably, and fired by one-off triggers. They ask
/// for recovery: when a node dies while running one, the clustered store fires it again on another node (with the same
/// data, <see cref="IJobExecutionContext.Recovering"/> set) once the cluster stops hearing from the dead node.
/// </summary>
internal static class DurableJobs
{
    /// <summary>Stores <typeparamref name="TJob"/> under <paramref name="key"/> unless it is there, then fires it once.</summary>
    public static async Task TriggerDurableAsync<TJob>(this IScheduler scheduler, JobKey key, JobDataMap? data = null, CancellationToken cancellationToken = default)
        where TJob : IJob
    {
        // Jobs stored by an older version did not ask for recovery: store them again.
        if (await scheduler.GetJobDetail(key, cancellationToken) is not { RequestsRecovery: true })
        {
            var job = JobBuilder.Create<TJob>().WithIdentity(key).StoreDurably().RequestRecovery().Build();
            await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
        }
        if (data is null) await scheduler.TriggerJob(key, cancellationToken);
        else await scheduler.TriggerJob(key, data, cancellationToken);
    }
}
