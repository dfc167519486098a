using Quartz;

namespace SalesBridge.Web.Hosting;

/// <summary>Per-contract jobs (an import run, a write-back pass) are stored once, durably, and fired by one-off triggers.</summary>
internal static class DurableJobs
{
    /// <summary>Stores <typeparamref name="TJob"/> under <paramref name="key"/> unless it is there, then fires it once.</summary>
    public static async Task TriggerDurableAsync<TJob>(this IScheduler scheduler, JobKey key, JobDataMap? data = null, CancellationToken cancellationToken = default)
        where TJob : IJob
    {
        if (!await scheduler.Exists(key, cancellationToken))
        {
            var job = JobBuilder.Create<TJob>().WithIdentity(key).StoreDurably().Build();
            await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
        }
        if (data is null) await scheduler.TriggerJob(key, cancellationToken);
        else await scheduler.TriggerJob(key, data, cancellationToken);
    }
}
