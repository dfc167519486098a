using Microsoft.Extensions.Options;
using Quartz;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.WriteBack;

internal static class WriteBackRegistration
{
    /// <summary>
    /// The write-back worker on the host's Quartz scheduler: a <see cref="WriteBackJob"/> per contract, woken by commits
    /// (<see cref="QuartzWriteBackSignal"/>), and the <see cref="WriteBackSweepJob"/>.
    /// </summary>
    public static WebApplicationBuilder AddWriteBack(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WriteBackOptions>().Bind(builder.Configuration.GetSection(WriteBackOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<WriteBackWriter>();
        builder.Services.AddSingleton<QuartzWriteBackSignal>();
        builder.Services.AddSingleton<IWriteBackSignal>(services => services.GetRequiredService<IOptions<WriteBackOptions>>().Value.WorkerEnabled
            ? services.GetRequiredService<QuartzWriteBackSignal>()
            : new NoWriteBackSignal());
        builder.Services.AddTransient<WriteBackJob>();
        builder.Services.AddTransient<WriteBackSweepJob>();
        builder.Services.AddQuartz(quartz =>
        {
            quartz.AddJob<WriteBackSweepJob>(job => job.WithIdentity(WriteBackSweepJob.Key));
            quartz.AddTrigger((services, trigger) =>
            {
                var interval = services.GetRequiredService<IOptions<WriteBackOptions>>().Value.SweepInterval;
                trigger.ForJob(WriteBackSweepJob.Key).WithIdentity("write-back-sweep", "crm")
                    .StartAt(services.GetRequiredService<TimeProvider>().GetUtcNow() + interval)
                    .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever());
            });
        });
        return builder;
    }
}
