namespace SalesBridge.CrmImport;

/// <summary>
/// One import run of a contract (SPEC S21, B7, B8): when, how it was started, how far it got, what it changed, how many
/// CRM requests it used and what failed. At most one run of a contract is <see cref="SyncRunStatus.Running"/> at a
/// time (a unique index says so across every node).
/// </summary>
public sealed class SyncRun
{
    public const int MaxMessageLength = 2000;
    public const int MaxPhaseLength = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }
    public SyncTrigger Trigger { get; init; }

    /// <summary>The admin who pressed <i>Sync now</i>.</summary>
    public Guid? StartedById { get; init; }

    /// <summary>A failed or interrupted run this one carries on from, reusing what it had already read.</summary>
    public Guid? ResumesRunId { get; init; }

    public SyncRunStatus Status { get; set; } = SyncRunStatus.Running;
    public SyncReadMode Mode { get; set; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The process that ran it last (<see cref="Observability.NodeName"/>); a run carried on elsewhere shows the new one.</summary>
    public string? Node { get; set; }

    /// <summary>
    /// The claim of the process executing the run, new with every claim (a concurrency token). Whoever changes it — a node
    /// taking over the run of a node the scheduler found dead, or marking a silent run interrupted — stops the old
    /// process, should it still be alive after all, from saving anything more of the run.
    /// </summary>
    public Guid? Lease { get; set; }

    /// <summary>Updated while running; a run whose heartbeat stopped belonged to a process that died.</summary>
    public DateTimeOffset HeartbeatAt { get; set; }

    /// <summary>What the run is doing now, e.g. "Reading contacts".</summary>
    public string Phase { get; set; } = "";

    /// <summary>Steps done of <see cref="StepCount"/>, for the progress bar.</summary>
    public int StepsDone { get; set; }
    public int StepCount { get; set; }

    public SyncRunCounts Counts { get; set; } = new();

    /// <summary>
    /// What the run had read when it stopped, as JSON (<see cref="ReadCheckpoint"/>). Once applied, only the fingerprint
    /// of the seats and stage its saved items were brought in line with (<see cref="PlanInputs"/>) and the matching weights
    /// (<see cref="MatchModels"/>), for the next run, and only on the latest successful run.
    /// </summary>
    public string? Checkpoint { get; set; }

    /// <summary>What else admins should know, e.g. that the CRM's change token had expired and a table was read in full.</summary>
    public string? Notes { get; set; }

    /// <summary>Why the run failed as a whole; per-record problems are <see cref="SyncRunError"/> rows.</summary>
    public string? FailureMessage { get; set; }

    public TimeSpan? Duration => EndedAt - StartedAt;
}

/// <summary>The figures of a run shown in the history.</summary>
public sealed record SyncRunCounts
{
    public int Seats { get; init; }
    public int RecordsRead { get; init; }
    public int Added { get; init; }
    public int Updated { get; init; }
    public int Removed { get; init; }
    public int Matched { get; init; }
    public int Unmatched { get; init; }
    public int CrmRequests { get; init; }
    public int Errors { get; init; }
}

public enum SyncRunStatus
{
    Running,
    Succeeded,

    /// <summary>Finished, but some records could not be imported (see the run's errors).</summary>
    SucceededWithErrors,
    Failed,

    /// <summary>Its process stopped while it ran; the next run resumes it.</summary>
    Interrupted,
}

public enum SyncTrigger
{
    Schedule,
    SyncNow,
    Connected,
}

public enum SyncReadMode
{
    /// <summary>Every row (the first run, after a settings change or an expired change token).</summary>
    Full,

    /// <summary>Only what changed since the last run (change tracking).</summary>
    Changes,
}
