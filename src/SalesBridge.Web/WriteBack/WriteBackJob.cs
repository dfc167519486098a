using Quartz;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.WriteBack;

/// <summary>
/// Drains one contract's outbox. The key is per contract and Quartz never runs two executions of one key at once, so a
/// contract's passes follow each other while other contracts' passes run in parallel.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class WriteBackJob(WriteBackWriter writer) : IJob
{
    public const string Group = "crm-write-back";

    public static JobKey KeyFor(Guid contractId) => new(contractId.ToString("N"), Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await writer.DrainAsync(Guid.ParseExact(context.JobDetail.Key.Name, "N"), cancellationToken);
    }
}
