using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using SalesBridge.CrmConnection;
using SalesBridge.Persistence;

namespace SalesBridge.CrmHealth;

/// <summary>
/// Checks every connected or failing connection, each in its own scope so one broken org cannot stop the others.
/// Paused connections are left alone until an admin reconnects or checks them.
/// </summary>
public sealed partial class ConnectionHealthMonitor(IServiceScopeFactory scopes, ILogger<ConnectionHealthMonitor> logger)
{
    /// <returns>How many connections were checked.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>().OrgConnections
                .Where(c => c.Status == OrgConnectionStatus.Connected || c.Status == OrgConnectionStatus.Failing)
                .Select(c => c.Id).ToListAsync(cancellationToken);
        }
        foreach (var connectionId in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<CheckConnectionHealth>().CheckConnectionAsync(connectionId, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                CheckCrashed(logger, connectionId, exception);
            }
        }
        return due.Count;
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Error, Message = "The health check of CRM connection {ConnectionId} failed unexpectedly")]
    private static partial void CheckCrashed(ILogger logger, Guid connectionId, Exception exception);
}

/// <summary>The Quartz job that runs <see cref="ConnectionHealthMonitor"/> every <see cref="CrmOptions.HealthCheckInterval"/>; never two at once.</summary>
[DisallowConcurrentExecution]
public sealed class ConnectionHealthJob(ConnectionHealthMonitor monitor, IOptionsMonitor<CrmHealthOptions> options) : IJob
{
    public static readonly JobKey Key = new("connection-health", "crm");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (options.CurrentValue.MonitorEnabled) await monitor.RunOnceAsync(cancellationToken);
    }
}
