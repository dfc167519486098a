using Microsoft.Extensions.Options;
using Quartz;
using SalesBridge.CrmConnection;
using SalesBridge.CrmHealth;

namespace SalesBridge.Web.Crm;

internal static class CrmHealthRegistration
{
    /// <summary>
    /// The connection health monitor as a Quartz job every <see cref="CrmOptions.HealthCheckInterval"/>, on the host's
    /// scheduler (SchedulerRegistration). <c>CrmHealth:MonitorEnabled=false</c> makes the job
    /// do nothing (tests, which check connections themselves).
    /// </summary>
    public static WebApplicationBuilder AddCrmHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddCrmHealth();
        builder.Services.Configure<CrmHealthOptions>(builder.Configuration.GetSection(CrmHealthOptions.SectionName));
        builder.Services.AddQuartz(quartz =>
        {
            quartz.AddJob<ConnectionHealthJob>(job => job.WithIdentity(ConnectionHealthJob.Key));
            quartz.AddTrigger((services, trigger) =>
            {
                var interval = services.GetRequiredService<IOptions<CrmOptions>>().Value.HealthCheckInterval;
                var firstRun = TimeSpan.FromTicks(Math.Min(interval.Ticks, TimeSpan.FromMinutes(1).Ticks));
                trigger.ForJob(ConnectionHealthJob.Key).WithIdentity("connection-health", "crm")
                    // Soon after start rather than at once (the database may still be migrating), then every interval.
                    .StartAt(services.GetRequiredService<TimeProvider>().GetUtcNow() + firstRun)
                    .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever());
            });
        });
        return builder;
    }
}
