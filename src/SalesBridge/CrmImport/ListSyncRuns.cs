using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmImport;

/// <summary>Admins: the contract's run history, newest first, with the last runs for the chart (SPEC S21, B7).</summary>
public sealed class ListSyncRuns(SalesBridgeDbContext db) : IUseCase
{
    /// <summary>How many runs the chart shows.</summary>
    public const int ChartRunCount = 20;

    public sealed record Request : PageRequest;

    public async Task<SyncRunHistory> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireContractAdmin();
        var runs = db.SyncRuns.AsNoTracking().Where(r => r.ContractId == caller.ContractId)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id);
        var page = await runs.ToPageAsync(request, cancellationToken);
        // The chart is the same whichever page of the table is shown: always the latest finished runs, oldest first.
        var recent = await runs.Where(r => r.Status != SyncRunStatus.Running).Take(ChartRunCount).ToListAsync(cancellationToken);
        return new SyncRunHistory(
            new Page<SyncRunSummary>(page.Items.Select(SyncRunSummary.Of).ToList(), page.PageNumber, page.PageSize, page.TotalCount),
            recent.AsEnumerable().Reverse().Select(SyncRunChartPoint.Of).ToList());
    }
}

/// <param name="Runs">The requested page of runs, newest first.</param>
/// <param name="Chart">The last finished runs (at most <see cref="ListSyncRuns.ChartRunCount"/>), oldest first.</param>
public sealed record SyncRunHistory(Page<SyncRunSummary> Runs, IReadOnlyList<SyncRunChartPoint> Chart);

/// <summary>What the chart plots of one finished run.</summary>
public sealed record SyncRunChartPoint(Guid Id, DateTimeOffset StartedAt, SyncRunStatus Status, double DurationSeconds,
    int CrmRequests, int Added, int Updated, int Removed)
{
    internal static SyncRunChartPoint Of(SyncRun run) => new(run.Id, run.StartedAt, run.Status,
        Math.Max(0, (run.Duration ?? TimeSpan.Zero).TotalSeconds), run.Counts.CrmRequests, run.Counts.Added, run.Counts.Updated, run.Counts.Removed);
}
