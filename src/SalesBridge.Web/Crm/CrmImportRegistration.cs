using Microsoft.Extensions.Options;
using Quartz;
using SalesBridge.CrmImport;

namespace SalesBridge.Web.Crm;

internal static class CrmImportRegistration
{
    /// <summary>
    /// The import: runs executed by Quartz (<see cref="ImportJob"/>, one job per contract) and the schedule that starts
    /// them (<see cref="ImportScheduleJob"/> every <see cref="CrmImportOptions.ScheduleTickInterval"/>), on the same
    /// scheduler as the health monitor. <c>CrmImport:ScheduleEnabled=false</c> stops scheduled runs (tests); Sync now still works.
    /// </summary>
    public static WebApplicationBuilder AddCrmImportRuns(this WebApplicationBuilder builder)
    {
        builder.Services.AddCrmImport();
        builder.Services.AddSingleton<IImportRunQueue, QuartzImportRunQueue>();
        builder.Services.AddOptions<CrmImportOptions>().Bind(builder.Configuration.GetSection(CrmImportOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ImportSchedule>();
        builder.Services.AddTransient<ImportScheduleJob>();
        builder.Services.AddQuartz(quartz =>
        {
            quartz.AddJob<ImportScheduleJob>(job => job.WithIdentity(ImportScheduleJob.Key));
            quartz.AddTrigger((services, trigger) =>
            {
                var tick = services.GetRequiredService<IOptions<CrmImportOptions>>().Value.ScheduleTickInterval;
                trigger.ForJob(ImportScheduleJob.Key).WithIdentity("import-schedule", "crm")
                    // One tick after start, not at once: the database may still be migrating.
                    .StartAt(services.GetRequiredService<TimeProvider>().GetUtcNow() + tick)
                    .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(tick).RepeatForever());
            });
        });
        return builder;
    }
}
