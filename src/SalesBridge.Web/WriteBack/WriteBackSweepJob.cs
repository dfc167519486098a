using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using SalesBridge.Persistence;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.WriteBack;

/// <summary>
/// Every <see cref="WriteBackOptions.SweepInterval"/>: wakes the contracts that have items due — retries whose back-off
/// ended, items held by a setting, re-links after an import or a new match — and anything a lost wake-up left. A contract
/// whose items have been due for longer than <see cref="WriteBackOptions.StuckAfter"/> gets its scheduler triggers
/// replaced instead (<see cref="QuartzWriteBackSignal.RestartAsync"/>).
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class WriteBackSweepJob(SalesBridgeDbContext db, QuartzWriteBackSignal signal, TimeProvider time,
    IOptionsMonitor<WriteBackOptions> options, ILogger<WriteBackSweepJob> log) : IJob
{
    public static readonly JobKey Key = new("write-back-sweep", "crm");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.WorkerEnabled) return;
        var now = time.GetUtcNow();
        var longAgo = now - options.CurrentValue.StuckAfter;
        // Due since the later of queueing and the end of its back-off.
        var stuck = await db.WriteBackItems
            .Where(i => i.Pending && i.QueuedAt <= longAgo && (i.DueAt == null || i.DueAt <= longAgo))
            .Select(i => i.ContractId).Distinct().ToListAsync(cancellationToken);
        var due = await db.WriteBackItems.Where(i => i.Pending && (i.DueAt == null || i.DueAt <= now)).Select(i => i.ContractId)
            .Union(db.WriteBackItems.Where(i => i.Status == WriteBackStatus.Unresolved && !i.Pending).Select(i => i.ContractId))
            .Distinct().ToListAsync(cancellationToken);
        foreach (var contractId in due.Except(stuck)) signal.Wake(contractId);
        foreach (var contractId in stuck)
        {
            Restarted(log, contractId, options.CurrentValue.StuckAfter, await signal.RestartAsync(contractId, cancellationToken));
        }
    }

    [LoggerMessage(EventId = 7402, Level = LogLevel.Warning,
        Message = "Write-back of contract {ContractId} has items due for more than {StuckAfter}: replaced {Triggers} waiting trigger(s) of its job with a fresh one")]
    private static partial void Restarted(ILogger logger, Guid contractId, TimeSpan stuckAfter, int triggers);
}
