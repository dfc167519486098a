using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using SalesBridge.Persistence;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.WriteBack;

/// <summary>
/// Every <see cref="WriteBackOptions.SweepInterval"/>: wakes the contracts that have items due — retries whose back-off
/// ended, items held by a setting, re-links after an import or a new match — and anything a lost wake-up left.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class WriteBackSweepJob(SalesBridgeDbContext db, IWriteBackSignal signal, TimeProvider time, IOptionsMonitor<WriteBackOptions> options) : IJob
{
    public static readonly JobKey Key = new("write-back-sweep", "crm");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.WorkerEnabled) return;
        var now = time.GetUtcNow();
        var due = await db.WriteBackItems.Where(i => i.Pending && (i.DueAt == null || i.DueAt <= now)).Select(i => i.ContractId)
            .Union(db.WriteBackItems.Where(i => i.Status == WriteBackStatus.Unresolved && !i.Pending).Select(i => i.ContractId))
            .Distinct().ToListAsync(cancellationToken);
        foreach (var contractId in due) signal.Wake(contractId);
    }
}
