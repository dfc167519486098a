using Quartz;
using SalesBridge.CrmImport;
using SalesBridge.Observability;
using SalesBridge.Web.Hosting;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.Crm;

/// <summary>
/// Runs one started import run. Its key is per contract and Quartz never runs two executions of one key at once, so a
/// contract's runs queue up while other contracts' runs go on in parallel.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ImportJob(ImportRunner runner, IWriteBackSignal writeBack) : IJob
{
    public const string Group = "crm-import";
    public const string RunIdKey = "runId";

    public static JobKey KeyFor(Guid contractId) => new(contractId.ToString("N"), Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var runId = Guid.Parse(context.MergedJobDataMap.GetString(RunIdKey)!);
        var contractId = Guid.ParseExact(context.JobDetail.Key.Name, "N");
        // Recovering: the node that was running this job died (the cluster stopped hearing from it), so carry its run on.
        var run = await runner.RunAsync(runId, cancellationToken, takeOver: context.Recovering);
        SalesBridgeMetrics.ImportRunEnded(contractId, run.Status.ToString(), run.Counts.RecordsRead, run.Counts.CrmRequests, run.EndedAt - run.StartedAt);
        // A run may have matched people whose items wait in the CRM as open activities (S17): re-link them now.
        writeBack.Wake(contractId);
    }
}

/// <summary>Hands started runs to Quartz: a durable job per contract, fired once per run.</summary>
internal sealed class QuartzImportRunQueue(ISchedulerFactory schedulers) : IImportRunQueue
{
    public async Task EnqueueAsync(Guid contractId, Guid runId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerDurableAsync<ImportJob>(ImportJob.KeyFor(contractId), new JobDataMap { [ImportJob.RunIdKey] = runId.ToString() }, cancellationToken);
    }
}
