using System.Collections.Concurrent;
using Quartz;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.WriteBack;

/// <summary>
/// Wakes a contract's <see cref="WriteBackJob"/> through Quartz. Wake-ups between two passes fold into one: a burst of
/// 10,000 commits starts one pass that takes them all, not 10,000 passes.
/// </summary>
internal sealed class QuartzWriteBackSignal(ISchedulerFactory schedulers, ILogger<QuartzWriteBackSignal> log) : IWriteBackSignal
{
    private readonly ConcurrentDictionary<Guid, byte> _awaitingPass = new();

    public void Wake(Guid contractId)
    {
        if (!_awaitingPass.TryAdd(contractId, 0)) return;
        _ = TriggerAsync(contractId);
    }

    /// <summary>The pass has begun: later commits need a pass of their own.</summary>
    public void Started(Guid contractId) => _awaitingPass.TryRemove(contractId, out _);

    private async Task TriggerAsync(Guid contractId)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler();
            var key = WriteBackJob.KeyFor(contractId);
            if (!await scheduler.Exists(key))
            {
                var job = JobBuilder.Create<WriteBackJob>().WithIdentity(key).StoreDurably().Build();
                await scheduler.AddJob(job, AddJobOptions.Replacing);
            }
            await scheduler.TriggerJob(key);
        }
        catch (Exception failure) when (failure is SchedulerException or ObjectDisposedException or InvalidOperationException)
        {
            // Nothing is lost: the items stay marked and the sweep starts their pass.
            _awaitingPass.TryRemove(contractId, out _);
            log.LogWarning(failure, "Could not wake the write-back worker of contract {ContractId}; the sweep will.", contractId);
        }
    }
}
