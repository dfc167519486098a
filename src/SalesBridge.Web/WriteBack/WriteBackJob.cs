using Quartz;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.WriteBack;

/// <summary>
/// Drains one contract's outbox. The key is per contract and Quartz never runs two executions of one key at once, so a
/// contract's passes follow each other while other contracts' passes run in parallel.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class WriteBackJob(WriteBackWriter writer, QuartzWriteBackSignal signal) : IJob
{
    public const string Group = "crm-write-back";

    public static JobKey KeyFor(Guid contractId) => new(contractId.ToString("N"), Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var contractId = Guid.ParseExact(context.JobDetail.Key.Name, "N");
        // Cleared before the pass: a commit during the pass wakes it again, so nothing committed meanwhile waits for the sweep.
        signal.Started(contractId);
        await writer.DrainAsync(contractId, cancellationToken);
    }
}
