using Microsoft.Extensions.Options;
using Quartz;
using SalesBridge.Persistence;

namespace SalesBridge.Web.Hosting;

internal static class SchedulerRegistration
{
    /// <summary>
    /// The one Quartz scheduler of the process, which the CRM jobs (health, import, write-back) register on. In memory by
    /// default; on PostgreSQL with <see cref="SchedulerOptions.Clustered"/>, Quartz's clustered store in the same database
    /// (its <c>qrtz_*</c> tables made at start). Only nodes that run jobs start it; a web node uses it to hand work to the
    /// workers through the database.
    /// </summary>
    public static WebApplicationBuilder AddScheduler(this WebApplicationBuilder builder, DatabaseOptions database, NodeOptions node)
    {
        var options = builder.Configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
        builder.Services.AddOptions<SchedulerOptions>().Bind(builder.Configuration.GetSection(SchedulerOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        Validate(options, database, node);
        builder.Services.AddQuartz(quartz =>
        {
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = options.MaxConcurrency);
            if (!options.Clustered)
            {
                // One scheduler per host: test processes run several hosts side by side, each with its own jobs (Quartz
                // keeps schedulers in a process-wide registry by name).
                quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = $"salesbridge-{Guid.NewGuid():N}");
                return;
            }
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = options.InstanceName;
                scheduler.GenerateInstanceId = true;
            });
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(database.ResolveConnectionString());
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = options.CheckinInterval;
                    cluster.CheckinMisfireThreshold = options.MisfireThreshold;
                });
                store.ConfigureStore(ado => ado.MisfireThreshold = options.MisfireThreshold);
                store.UseSystemTextJsonSerializer();
                // Quartz makes its qrtz_* tables in the database when they are missing (its shipped script is older than 4.7).
                store.ProvisionSchema();
            });
        });
        if (node.RunsJobs) builder.Services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return builder;
    }

    private static void Validate(SchedulerOptions options, DatabaseOptions database, NodeOptions node)
    {
        if (options.Clustered && database.Provider != DatabaseProvider.PostgreSql)
        {
            throw new OptionsValidationException(SchedulerOptions.SectionName, typeof(SchedulerOptions),
                ["Scheduler:Clustered needs Database:Provider PostgreSql: the nodes of a cluster share their jobs through the database."]);
        }
        if (node.Role != NodeRole.All && !options.Clustered)
        {
            throw new OptionsValidationException(NodeOptions.SectionName, typeof(NodeOptions),
                [$"Node:Role {node.Role} needs Scheduler:Clustered true (and PostgreSQL): web and worker nodes hand work to each other through the database."]);
        }
    }
}
