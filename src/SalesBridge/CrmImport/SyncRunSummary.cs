namespace SalesBridge.CrmImport;

/// <summary>A run as the history, the progress bar and the API show it; <see cref="Node"/> is the process that ran it;
/// <see cref="Notes"/> what else admins should know (a table read in full, a run carried on by another node).</summary>
public sealed record SyncRunSummary(
    Guid Id,
    SyncTrigger Trigger,
    SyncRunStatus Status,
    SyncReadMode Mode,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string Phase,
    int StepsDone,
    int StepCount,
    SyncRunCounts Counts,
    string? FailureMessage,
    Guid? ResumesRunId,
    string? Node,
    string? Notes)
{
    /// <summary>0–100 for the progress bar; 100 once ended.</summary>
    public int PercentDone => EndedAt is not null ? 100 : StepCount == 0 ? 0 : Math.Clamp(StepsDone * 100 / StepCount, 0, 99);

    public static SyncRunSummary Of(SyncRun run) => new(run.Id, run.Trigger, run.Status, run.Mode, run.StartedAt, run.EndedAt, run.Phase,
        run.StepsDone, run.StepCount, run.Counts, run.FailureMessage, run.ResumesRunId, run.Node, run.Notes);
}
