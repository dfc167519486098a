using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmImport;
using SalesBridge.Persistence;

namespace SalesBridge.Benchmarks.Scenarios.Cluster;

/// <summary>
/// What the database says the cluster did: every import run of the proof's contracts (never two of one contract at once,
/// each contract on schedule) and how much each node did.
/// </summary>
internal sealed record ProofRuns(IReadOnlyList<ProofRuns.Run> Runs, IReadOnlyList<ProofRuns.Pass> Passes)
{
    public sealed record Run(Guid ContractId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, SyncRunStatus Status, SyncTrigger Trigger,
        string? Node, string? Notes, int RecordsRead, int CrmRequests);

    public sealed record Pass(Guid ContractId, DateTimeOffset StartedAt, string? Node, int Written, int CrmRequests);

    public static async Task<ProofRuns> ReadAsync(SalesBridgeDbContext db, IReadOnlyCollection<Guid> contracts, CancellationToken cancellationToken)
    {
        var runs = await db.SyncRuns.AsNoTracking().Where(r => contracts.Contains(r.ContractId))
            .Select(r => new Run(r.ContractId, r.StartedAt, r.EndedAt, r.Status, r.Trigger, r.Node, r.Notes, r.Counts.RecordsRead, r.Counts.CrmRequests))
            .ToListAsync(cancellationToken);
        var passes = await db.WriteBackRuns.AsNoTracking().Where(r => contracts.Contains(r.ContractId))
            .Select(r => new Pass(r.ContractId, r.StartedAt, r.Node, r.Completed + r.Unresolved + r.Relinked, r.CrmRequests))
            .ToListAsync(cancellationToken);
        return new ProofRuns(runs, passes);
    }

    /// <summary>Pairs of one contract's runs whose times overlap (a run still running counts as running until now).</summary>
    public int Overlaps(DateTimeOffset now) => Runs.GroupBy(r => r.ContractId).Sum(contract =>
    {
        var ordered = contract.OrderBy(r => r.StartedAt).ToList();
        return ordered.Zip(ordered.Skip(1)).Count(pair => (pair.First.EndedAt ?? now) > pair.Second.StartedAt);
    });

    /// <summary>
    /// Per contract: when its first run started after the cluster did, and the longest wait between one run's start and the
    /// next one's; a contract is on schedule when both stay within <paramref name="allowed"/>.
    /// </summary>
    public (int OnSchedule, double WorstFirstStartSeconds, double WorstGapSeconds, List<Guid> Late) Schedule(
        IReadOnlyCollection<Guid> contracts, DateTimeOffset clusterStart, DateTimeOffset loadEnd, TimeSpan firstWithin, TimeSpan allowed)
    {
        var late = new List<Guid>();
        double worstFirst = 0, worstGap = 0;
        foreach (var contract in contracts)
        {
            var starts = Runs.Where(r => r.ContractId == contract).Select(r => r.StartedAt).Order().ToList();
            var first = starts.Count == 0 ? double.PositiveInfinity : (starts[0] - clusterStart).TotalSeconds;
            // The wait after the last run counts up to the end of the load, so a contract that stopped syncing is late too.
            var gaps = starts.Zip(starts.Skip(1).Append(loadEnd)).Select(p => (p.Second - p.First).TotalSeconds).ToList();
            var gap = gaps.Count == 0 ? double.PositiveInfinity : gaps.Max();
            worstFirst = Math.Max(worstFirst, first);
            worstGap = Math.Max(worstGap, gap);
            if (first > firstWithin.TotalSeconds || gap > allowed.TotalSeconds) late.Add(contract);
        }
        return (contracts.Count - late.Count, Math.Round(worstFirst, 1), Math.Round(worstGap, 1), late);
    }

    /// <summary>Import runs and write-back passes each node did, with what they moved.</summary>
    public Dictionary<string, object> PerNode(IReadOnlyList<SalesBridgeProcess> workers, DateTimeOffset end)
    {
        var figures = new Dictionary<string, object>();
        foreach (var worker in workers)
        {
            var runs = Runs.Where(r => r.Node == worker.Name && r.EndedAt is not null).ToList();
            var passes = Passes.Where(p => p.Node == worker.Name).ToList();
            var alive = ((worker.KilledAt ?? end) - worker.StartedAt).TotalMinutes;
            var written = passes.Sum(p => p.Written);
            figures[worker.Name] = new Dictionary<string, object>
            {
                ["alive_minutes"] = Math.Round(alive, 1), ["killed"] = worker.KilledAt is not null,
                ["import_runs_finished"] = runs.Count, ["import_records_read"] = runs.Sum(r => r.RecordsRead),
                ["import_crm_requests"] = runs.Sum(r => r.CrmRequests),
                ["write_back_passes"] = passes.Count, ["items_written"] = written, ["write_back_crm_requests"] = passes.Sum(p => p.CrmRequests),
                ["import_runs_per_minute"] = Math.Round(runs.Count / alive, 2), ["items_written_per_minute"] = Math.Round(written / alive, 1),
            };
        }
        return figures;
    }
}
