using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Observability;
using SalesBridge.Persistence;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.Observability;

/// <summary>
/// The write-back outbox as gauges per contract: how many items wait and how old the oldest is (B1: it should stay at
/// seconds). Read from the database every <see cref="RefreshInterval"/> in the background, so a scrape never waits on it;
/// every node reports the same figures (they are the database's), which is what a cluster-wide dashboard wants.
/// </summary>
internal sealed class OutboxGauges : BackgroundService
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(15);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxGauges> _log;
    private volatile IReadOnlyList<(Guid ContractId, int Depth, double OldestSeconds)> _latest = [];

    public OutboxGauges(IServiceScopeFactory scopes, TimeProvider time, ILogger<OutboxGauges> log, IMeterFactory meters)
    {
        _scopes = scopes;
        _time = time;
        _log = log;
        var meter = meters.Create(SalesBridgeMetrics.MeterName);
        meter.CreateObservableGauge("salesbridge.writeback.outbox.depth",
            () => _latest.Select(c => new Measurement<int>(c.Depth, new KeyValuePair<string, object?>("contract", SalesBridgeMetrics.Contract(c.ContractId)))),
            "{item}", "Items waiting to be written back.");
        meter.CreateObservableGauge("salesbridge.writeback.outbox.oldest_age",
            () => _latest.Select(c => new Measurement<double>(c.OldestSeconds, new KeyValuePair<string, object?>("contract", SalesBridgeMetrics.Contract(c.ContractId)))),
            "s", "Age of the oldest item waiting to be written back.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval, _time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // A database that is briefly away must not stop the gauges; the next round tries again.
                _log.LogWarning(failure, "Could not read the write-back outbox for the metrics.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        if (!await db.Database.CanConnectAsync(cancellationToken)) return;
        var pending = await db.WriteBackItems.AsNoTracking().Where(i => i.Pending && i.Status != WriteBackStatus.Unresolved)
            .GroupBy(i => i.ContractId)
            .Select(g => new { ContractId = g.Key, Depth = g.Count(), Oldest = g.Min(i => i.QueuedAt) })
            .ToListAsync(cancellationToken);
        var now = _time.GetUtcNow();
        _latest = pending.Select(p => (p.ContractId, p.Depth, Math.Max(0, (now - p.Oldest).TotalSeconds))).ToList();
    }
}
