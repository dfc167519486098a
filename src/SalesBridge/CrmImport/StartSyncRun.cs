using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmConnection;
using SalesBridge.CrmHealth;
using SalesBridge.Errors;
using SalesBridge.Persistence;

namespace SalesBridge.CrmImport;

/// <summary>
/// Opens a run of a contract's import: the <see cref="SyncRun"/> row that reserves the contract (one running run per
/// contract, enforced by a unique index so two nodes cannot both start one), carrying on from a failed or interrupted
/// run's checkpoint when there is one.
/// </summary>
public sealed class StartSyncRun(SalesBridgeDbContext db, TimeProvider time)
{
    /// <summary>How long a running run may go without a heartbeat before it counts as interrupted (its process died).</summary>
    public static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromMinutes(2);

    public const string AlreadyRunning = "A sync of this contract is already running. Wait for it to finish; its progress is shown under CRM Sync.";
    public const string NotConnected = "The contract is not connected to a CRM. Connect it under Admin Settings > CRM Settings first.";
    public const string Paused = "Sync is paused because the CRM connection kept failing. Check or reconnect it under CRM Settings first.";

    /// <exception cref="ConflictException">Not connected, the connection is paused, or a run is already running.</exception>
    public async Task<SyncRun> StartAsync(Guid contractId, SyncTrigger trigger, Guid? startedById, CancellationToken cancellationToken)
    {
        var connection = await db.OrgConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ContractId == contractId, cancellationToken);
        if (connection is null or { Status: OrgConnectionStatus.Disconnected })
        {
            throw new ConflictException(NotConnected);
        }
        if (!CheckConnectionHealth.SyncAllowed(connection))
        {
            throw new ConflictException(Paused);
        }

        var now = time.GetUtcNow();
        await MarkInterruptedAsync(contractId, now, cancellationToken);
        var last = await db.SyncRuns.AsNoTracking().Where(r => r.ContractId == contractId)
            .OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(cancellationToken);
        var resumes = last is { Status: SyncRunStatus.Failed or SyncRunStatus.Interrupted, Checkpoint: not null } ? last : null;
        var run = new SyncRun
        {
            ContractId = contractId, Trigger = trigger, StartedById = startedById, StartedAt = now, HeartbeatAt = now,
            ResumesRunId = resumes?.Id, Checkpoint = resumes?.Checkpoint, Phase = "Starting",
        };
        db.SyncRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(run).State = EntityState.Detached;
            throw new ConflictException(AlreadyRunning);
        }
        return run;
    }

    /// <summary>Running runs whose heartbeat stopped belonged to a process that died: they free the contract for a resume.</summary>
    public async Task<int> MarkInterruptedAsync(Guid contractId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var staleBefore = now - HeartbeatTimeout;
        return await db.SyncRuns
            .Where(r => r.ContractId == contractId && r.Status == SyncRunStatus.Running && r.HeartbeatAt < staleBefore)
            .ExecuteUpdateAsync(update => update
                .SetProperty(r => r.Status, SyncRunStatus.Interrupted)
                .SetProperty(r => r.Lease, (Guid?)null)
                .SetProperty(r => r.EndedAt, now)
                .SetProperty(r => r.FailureMessage, "The run stopped without finishing (its server restarted or stopped). The next run carries on from where it was."),
                cancellationToken);
    }
}
