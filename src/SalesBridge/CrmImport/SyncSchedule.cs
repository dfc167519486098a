namespace SalesBridge.CrmImport;

/// <summary>
/// When a contract's next scheduled run is due, from its last run (SPEC S21). One rule for the dispatcher that starts
/// runs and the status the admin sees, so the page never promises a run the scheduler would not start.
/// </summary>
public static class SyncSchedule
{
    /// <returns>When the next run may start; at or before <paramref name="now"/> means due now.</returns>
    public static DateTimeOffset NextRunAt(SyncRun? last, TimeSpan interval, DateTimeOffset now) => last switch
    {
        // Never ran: the first (full) import should not wait an interval.
        null => now,
        // Its process died (no heartbeat): resume at once rather than losing an interval; StartSyncRun marks it interrupted.
        { Status: SyncRunStatus.Running } when last.HeartbeatAt < now - StartSyncRun.HeartbeatTimeout => now,
        { Status: SyncRunStatus.Interrupted } => last.EndedAt ?? now,
        // A failure waits a whole interval from when it failed, so a broken org is not hammered every tick.
        { Status: SyncRunStatus.Failed } => (last.EndedAt ?? last.StartedAt) + interval,
        _ => last.StartedAt + interval,
    };

    /// <summary>Due, and no live run holds the contract (a run without heartbeat does not: its process died).</summary>
    public static bool IsDue(SyncRun? last, TimeSpan interval, DateTimeOffset now) =>
        !(last is { Status: SyncRunStatus.Running } && last.HeartbeatAt >= now - StartSyncRun.HeartbeatTimeout)
        && NextRunAt(last, interval, now) <= now;
}
