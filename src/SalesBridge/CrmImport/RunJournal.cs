using Microsoft.EntityFrameworkCore;
using SalesBridge.Dataverse;
using SalesBridge.Dataverse.Http;
using Microsoft.Extensions.Logging;
using SalesBridge.Persistence;
using SalesBridge.Text;

namespace SalesBridge.CrmImport;

/// <summary>
/// Keeps a running <see cref="SyncRun"/> up to date: phase and steps for the progress bar, counts, per-record errors,
/// the CRM requests used, the heartbeat, and the checkpoint, committed together with the work they describe.
/// </summary>
internal sealed partial class RunJournal(SalesBridgeDbContext db, SyncRun run, DataverseClient client, TimeProvider time, ILogger logger)
{
    private long _phaseStarted = time.GetTimestamp();
    private string _phase = "";

    /// <summary>Per-record errors kept per run; more are counted but not stored (one broken table could yield thousands).</summary>
    public const int MaxStoredErrors = 1_000;

    private readonly DataverseCallCounts _callsAtStart = client.Calls.Snapshot();

    public SyncRun Run => run;

    public void Phase(string phase) => run.Phase = ColumnFit.Cut(phase, SyncRun.MaxPhaseLength);

    /// <summary>Starts a step of the run; the step before is logged with its duration (operators tune with these).</summary>
    public void Step(string phase)
    {
        if (_phase.Length > 0) StepTook(logger, run.Id, _phase, time.GetElapsedTime(_phaseStarted).TotalSeconds, Environment.WorkingSet / 1_048_576);
        (_phase, _phaseStarted) = (phase, time.GetTimestamp());
        Phase(phase);
    }

    public void StepDone() => run.StepsDone = Math.Min(run.StepsDone + 1, run.StepCount);

    public void Count(Func<SyncRunCounts, SyncRunCounts> change) => run.Counts = change(run.Counts);

    public void Note(string note)
    {
        var notes = string.IsNullOrEmpty(run.Notes) ? note : run.Notes + " " + note;
        run.Notes = ColumnFit.Cut(notes, SyncRun.MaxMessageLength);
    }

    public void Record(IEnumerable<RecordProblem> problems)
    {
        foreach (var problem in problems)
        {
            if (run.Counts.Errors < MaxStoredErrors)
            {
                var message = ColumnFit.Cut(problem.Message, SyncRunError.MaxTextLength);
                db.SyncRunErrors.Add(new SyncRunError { RunId = run.Id, Table = problem.Table, CrmId = problem.CrmId, Message = message, At = time.GetUtcNow() });
            }
            Count(c => c with { Errors = c.Errors + 1 });
        }
    }

    /// <summary>Does <paramref name="work"/> and saves it with the run (and <paramref name="checkpoint"/>) in one transaction.</summary>
    public async Task CommitAsync(ReadCheckpoint? checkpoint, Func<Task> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await work();
        await SaveRunAsync(checkpoint, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Each page's records are done with; tracking them all would grow with the org.
        db.ChangeTracker.Clear();
    }

    /// <summary>Saves the run's progress (and whatever else is pending) within the caller's transaction, if any.</summary>
    public async Task SaveRunAsync(ReadCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        run.Checkpoint = checkpoint?.Serialize();
        run.HeartbeatAt = time.GetUtcNow();
        run.Counts = run.Counts with { CrmRequests = (int)client.Calls.Snapshot().Since(_callsAtStart).Requests };
        if (db.Entry(run).State == EntityState.Detached) db.SyncRuns.Update(run);
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 7302, Level = LogLevel.Information, Message = "Import run {RunId}: {Step} took {Seconds:0.000} s (working set {WorkingSetMb} MB)")]
    private static partial void StepTook(ILogger logger, Guid runId, string step, double seconds, long workingSetMb);
}
