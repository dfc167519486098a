using SalesBridge.CrmImport;

namespace SalesBridge.Web.Tests.CrmImport;

/// <summary>When a contract's next scheduled run is due, from its last run.</summary>
public sealed class SyncScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    private static SyncRun Run(SyncRunStatus status, int startedMinutesAgo, int? endedMinutesAgo = null, int? heartbeatMinutesAgo = null) => new()
    {
        Status = status, StartedAt = Now.AddMinutes(-startedMinutesAgo), EndedAt = endedMinutesAgo is { } e ? Now.AddMinutes(-e) : null,
        HeartbeatAt = Now.AddMinutes(-(heartbeatMinutesAgo ?? endedMinutesAgo ?? startedMinutesAgo)),
    };

    [Fact]
    public void IsDue_NeverRan_DueNow() => SyncSchedule.IsDue(null, Interval, Now).ShouldBeTrue();

    [Theory]
    [InlineData(SyncRunStatus.Succeeded, 14, 13, false)]
    [InlineData(SyncRunStatus.Succeeded, 15, 14, true)]
    [InlineData(SyncRunStatus.SucceededWithErrors, 16, 1, true)] // the interval counts from the start, not the end
    [InlineData(SyncRunStatus.Failed, 20, 5, false)] // a failure waits a whole interval from when it failed
    [InlineData(SyncRunStatus.Failed, 20, 15, true)]
    [InlineData(SyncRunStatus.Interrupted, 3, 1, true)] // its process died: resume at once
    public void IsDue_AfterAFinishedRun(SyncRunStatus status, int startedMinutesAgo, int endedMinutesAgo, bool due) =>
        SyncSchedule.IsDue(Run(status, startedMinutesAgo, endedMinutesAgo), Interval, Now).ShouldBe(due);

    [Fact]
    public void IsDue_LiveRunLongerThanTheInterval_NotDue() =>
        SyncSchedule.IsDue(Run(SyncRunStatus.Running, 40, heartbeatMinutesAgo: 0), Interval, Now).ShouldBeFalse();

    [Fact]
    public void IsDue_RunningWithoutHeartbeat_DueNowToResume() =>
        SyncSchedule.IsDue(Run(SyncRunStatus.Running, 3, heartbeatMinutesAgo: 3), Interval, Now).ShouldBeTrue();

    [Fact]
    public void NextRunAt_Succeeded_StartPlusInterval() =>
        SyncSchedule.NextRunAt(Run(SyncRunStatus.Succeeded, 5, 4), Interval, Now).ShouldBe(Now.AddMinutes(10));
}
