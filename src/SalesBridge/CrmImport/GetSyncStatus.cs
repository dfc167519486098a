using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.CrmConnection;
using SalesBridge.CrmHealth;
using SalesBridge.CrmSettings;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmImport;

/// <summary>Admins: where the contract's sync stands (SPEC S3, S21): the run in progress, the last finished one, the next scheduled run.</summary>
public sealed class GetSyncStatus(SalesBridgeDbContext db, TimeProvider time) : IUseCase
{
    public async Task<SyncStatus> HandleAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        var connection = await db.OrgConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ContractId == caller.ContractId, cancellationToken);
        var connected = connection is not null and not { Status: OrgConnectionStatus.Disconnected };
        var syncAllowed = connected && CheckConnectionHealth.SyncAllowed(connection!);
        var interval = await db.CrmSettings.Where(s => s.ContractId == caller.ContractId).Select(s => (int?)s.SyncIntervalMinutes)
            .SingleOrDefaultAsync(cancellationToken) ?? ContractCrmSettings.DefaultSyncIntervalMinutes;
        var runs = db.SyncRuns.AsNoTracking().Where(r => r.ContractId == caller.ContractId).OrderByDescending(r => r.StartedAt);
        var last = await runs.FirstOrDefaultAsync(cancellationToken);
        var running = last is { Status: SyncRunStatus.Running } ? last : null;
        var lastFinished = running is null ? last : await runs.Where(r => r.Status != SyncRunStatus.Running).FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        DateTimeOffset? next = syncAllowed ? Later(SyncSchedule.NextRunAt(last, TimeSpan.FromMinutes(interval), now), now) : null;
        return new SyncStatus(connected, syncAllowed, running is null ? null : SyncRunSummary.Of(running),
            lastFinished is null ? null : SyncRunSummary.Of(lastFinished), next, connection?.LastCompletedSyncAt, interval);
    }

    // A run due now starts at the scheduler's next tick, which is not in the past.
    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

/// <param name="Connected">The contract has a CRM connection (any state but disconnected).</param>
/// <param name="SyncAllowed">Runs may start: connected or failing, not paused.</param>
/// <param name="Running">The run in progress, for the progress bar; null when none runs.</param>
/// <param name="LastFinished">The latest run that ended, however it ended.</param>
/// <param name="NextScheduledAt">When the schedule starts the next run; null when sync cannot run.</param>
/// <param name="LastCompletedSyncAt">When a run last completed (S3's "last completed sync").</param>
public sealed record SyncStatus(bool Connected, bool SyncAllowed, SyncRunSummary? Running, SyncRunSummary? LastFinished,
    DateTimeOffset? NextScheduledAt, DateTimeOffset? LastCompletedSyncAt, int SyncIntervalMinutes);
