using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SalesBridge.Alerts;
using SalesBridge.CrmConnection;
using SalesBridge.CrmSeats;
using SalesBridge.CrmSettings;
using SalesBridge.Dataverse;
using SalesBridge.Observability;
using SalesBridge.Persistence;
using SalesBridge.Text;

namespace SalesBridge.CrmImport;

/// <summary>
/// Executes a started run of a contract's import (SPEC S9, S10, B2): refresh the CRM users seats are tied to, read the
/// four tables (everything on a first run, after a settings change or an expired token; otherwise only changes),
/// match, and change the workspace in one transaction. A failure leaves the run's checkpoint for the next run.
/// </summary>
public sealed partial class ImportRunner(SalesBridgeDbContext db, OrgClients clients, RefreshCrmUsers users, IAdminAlertNotifier notifier,
    TimeProvider time, NodeName node, ILogger<ImportRunner> logger)
{
    /// <summary>Refreshing users, four tables, matching, saving.</summary>
    private const int StepCount = 7;

    /// <param name="takeOver">
    /// The scheduler found the process that was executing the run dead and hands its job to this one: carry the run on from
    /// its last checkpoint. Without it, a run another process has claimed is left alone.
    /// </param>
    public async Task<SyncRunSummary> RunAsync(Guid runId, CancellationToken cancellationToken, bool takeOver = false)
    {
        var run = await db.SyncRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        if (run.Status != SyncRunStatus.Running || !await ClaimAsync(run, takeOver, cancellationToken)) return SyncRunSummary.Of(run);
        try
        {
            await ExecuteAsync(run, cancellationToken);
            await SyncRunAlerts.ResolveAsync(db, run.ContractId, time.GetUtcNow(), CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            if (await LostAsync(run))
            {
                // Another process took the run over (this one was thought dead) or marked it interrupted: its work is theirs
                // now, and the transaction that failed here was rolled back whole.
                LostRun(logger, run.Id, run.ContractId, conflict.Message);
            }
            else
            {
                Failed(logger, run.Id, run.ContractId, conflict);
                await EndAsync(run, SyncRunStatus.Failed, ImportFailureMessage.Of(conflict));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await EndAsync(run, SyncRunStatus.Interrupted, "The run stopped because its server shut down. The next run carries on from where it was.");
        }
        catch (Exception failure)
        {
            Failed(logger, run.Id, run.ContractId, failure);
            await EndAsync(run, SyncRunStatus.Failed, ImportFailureMessage.Of(failure));
        }
        return SyncRunSummary.Of(run);
    }

    /// <summary>Writes this process's name and a new <see cref="SyncRun.Lease"/> on the run; false when another process got it first.</summary>
    private async Task<bool> ClaimAsync(SyncRun run, bool takeOver, CancellationToken cancellationToken)
    {
        if (run.Lease is not null && !takeOver) return false;
        var previous = run.Lease is null ? null : run.Node;
        run.Lease = Guid.NewGuid();
        run.Node = node.Value;
        run.HeartbeatAt = time.GetUtcNow();
        if (previous is not null)
        {
            run.Notes = ColumnFit.Cut($"{run.Notes} Taken over by {node.Value} after {previous} stopped.".Trim(), SyncRun.MaxMessageLength);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Whether the run's lease has moved on from this process's claim (read afresh, outside what failed).</summary>
    private async Task<bool> LostAsync(SyncRun run)
    {
        db.ChangeTracker.Clear();
        var lease = await db.SyncRuns.AsNoTracking().Where(r => r.Id == run.Id).Select(r => r.Lease).SingleAsync(CancellationToken.None);
        return lease != run.Lease;
    }

    private async Task ExecuteAsync(SyncRun run, CancellationToken cancellationToken)
    {
        var contractId = run.ContractId;
        var connection = await db.OrgConnections.AsNoTracking().SingleAsync(c => c.ContractId == contractId, cancellationToken);
        var client = clients.For(connection);
        var journal = new RunJournal(db, run, client, time, logger);
        var settings = await db.CrmSettings.AsNoTracking().SingleOrDefaultAsync(s => s.ContractId == contractId, cancellationToken)
            ?? new ContractCrmSettings { ContractId = contractId };
        var state = await db.CrmImportStates.SingleOrDefaultAsync(s => s.ContractId == contractId, cancellationToken)
            ?? new CrmImportState { ContractId = contractId, OrganizationId = connection.OrganizationId ?? Guid.Empty };

        var resumed = Resumable(ReadCheckpoint.Parse(run.Checkpoint), settings, connection.OrganizationId);
        var checkpoint = resumed ?? NewCheckpoint(state, settings, connection.OrganizationId);
        // The stopped run this one follows had changed records without its notes of them carried on: compare everything.
        if (resumed is null && run.ResumesRunId is not null) checkpoint.Touched = null;
        run.Mode = checkpoint.Tables.Values.Any(t => t.Full) ? SyncReadMode.Full : SyncReadMode.Changes;
        run.StepCount = StepCount;
        run.StepsDone = 0;
        if (run.ResumesRunId is not null) journal.Note("Carried on from the previous run, which had stopped before it finished.");
        state.OrganizationId = connection.OrganizationId ?? state.OrganizationId;

        journal.Step("Reading CRM users");
        await journal.SaveRunAsync(checkpoint, cancellationToken);
        await users.RefreshAsync(contractId, cancellationToken);
        await ReadOrgFactsAsync(client, settings, checkpoint, cancellationToken);
        journal.StepDone();
        await journal.SaveRunAsync(checkpoint, cancellationToken);

        var scope = new ImportScope(contractId, settings.PipelineStageColumn, ParseIds(checkpoint.StakeholderRoleIds));
        await new ImportReading(db, journal).ReadAsync(client, scope, state, checkpoint, cancellationToken);
        await new ImportFinish(db, time, journal).FinishAsync(settings, state, checkpoint, cancellationToken);
    }

    /// <summary>A stopped run's checkpoint, unless the stage column or the org changed since: then its reads no longer fit.</summary>
    private static ReadCheckpoint? Resumable(ReadCheckpoint? checkpoint, ContractCrmSettings settings, Guid? organizationId) =>
        checkpoint is not null && checkpoint.StageColumn == settings.PipelineStageColumn && checkpoint.OrganizationId == organizationId ? checkpoint : null;

    /// <summary>Full reads on the first run, after the stage column or the org changed, or when a table has no delta link.</summary>
    private static ReadCheckpoint NewCheckpoint(CrmImportState state, ContractCrmSettings settings, Guid? organizationId)
    {
        var startOver = state.StageColumn != settings.PipelineStageColumn || state.OrganizationId != (organizationId ?? state.OrganizationId);
        if (startOver) state.StartOver();
        var checkpoint = new ReadCheckpoint
        {
            StageColumn = settings.PipelineStageColumn, OrganizationId = organizationId,
            StageOrder = startOver ? null : state.StageOrder, StakeholderRoleIds = startOver ? null : state.StakeholderRoleIds,
        };
        foreach (var table in ImportTables.InReadOrder)
        {
            checkpoint.For(table).Full = table switch
            {
                ImportTables.Opportunities => state.OpportunitiesDeltaLink is null,
                ImportTables.Stakeholders => state.StakeholdersDeltaLink is null,
                ImportTables.Accounts => state.AccountsDeltaLink is null,
                _ => state.ContactsDeltaLink is null,
            };
        }
        // Only changes are read: note what they touch, so the end of the run compares just that.
        if (checkpoint.Tables.Values.All(t => !t.Full)) checkpoint.Touched = new TouchedRecords();
        return checkpoint;
    }

    /// <summary>The stage column's option order and the stakeholder roles: read with every full read, kept for delta runs.</summary>
    private static async Task ReadOrgFactsAsync(DataverseClient client, ContractCrmSettings settings, ReadCheckpoint checkpoint,
        CancellationToken cancellationToken)
    {
        var full = checkpoint.Tables.Values.Any(t => t.Full && !t.Started);
        if (settings.PipelineStageColumn is { } column && (full || checkpoint.StageOrder is null))
        {
            var options = await client.GetChoiceOptionsAsync("opportunity", column, cancellationToken: cancellationToken);
            checkpoint.StageOrder = StageThreshold.FormatOrder(options.Select(o => o.Value));
        }
        if (full || checkpoint.StakeholderRoleIds is null)
        {
            checkpoint.StakeholderRoleIds = string.Join(",", await StakeholderRoles.ReadAsync(client, cancellationToken));
        }
    }

    private static HashSet<Guid> ParseIds(string? ids) =>
        (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToHashSet();

    private async Task EndAsync(SyncRun run, SyncRunStatus status, string message)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        var saved = await db.SyncRuns.SingleAsync(r => r.Id == run.Id, CancellationToken.None);
        // Taken over or marked interrupted meanwhile: the run is no longer this process's to end.
        if (saved.Lease != run.Lease || saved.Status != SyncRunStatus.Running) return;
        saved.Status = run.Status = status;
        saved.EndedAt = run.EndedAt = now;
        saved.FailureMessage = run.FailureMessage = ColumnFit.Cut(message, SyncRun.MaxMessageLength);
        saved.Phase = run.Phase = status == SyncRunStatus.Interrupted ? "Interrupted" : "Failed";
        var alert = status == SyncRunStatus.Failed ? await SyncRunAlerts.FailedAsync(db, saved, now, CancellationToken.None) : null;
        await db.SaveChangesAsync(CancellationToken.None);
        if (alert is not null) await notifier.RaisedAsync(alert, CancellationToken.None);
    }

    [LoggerMessage(EventId = 7303, Level = LogLevel.Warning, Message = "Import run {RunId} of contract {ContractId} was taken over by another process; this one stops ({Conflict})")]
    private static partial void LostRun(ILogger logger, Guid runId, Guid contractId, string conflict);

    [LoggerMessage(EventId = 7301, Level = LogLevel.Error, Message = "Import run {RunId} of contract {ContractId} failed")]
    private static partial void Failed(ILogger logger, Guid runId, Guid contractId, Exception exception);
}
