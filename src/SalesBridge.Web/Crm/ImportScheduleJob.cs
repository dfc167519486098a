using Microsoft.Extensions.Options;
using Quartz;

namespace SalesBridge.Web.Crm;

/// <summary>The Quartz job that runs <see cref="ImportSchedule"/> every <see cref="CrmImportOptions.ScheduleTickInterval"/>; never two at once.</summary>
[DisallowConcurrentExecution]
internal sealed class ImportScheduleJob(ImportSchedule schedule, IOptionsMonitor<CrmImportOptions> options) : IJob
{
    public static readonly JobKey Key = new("import-schedule", "crm");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (options.CurrentValue.ScheduleEnabled) await schedule.RunOnceAsync(cancellationToken);
    }
}
