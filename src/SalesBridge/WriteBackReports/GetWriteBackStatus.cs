using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Persistence;
using SalesBridge.UseCases;
using SalesBridge.WriteBack;

namespace SalesBridge.WriteBackReports;

/// <summary>
/// The contract's write-back at a glance for admins: how many items stand in each status (every status listed, zeros
/// included, so clients need not know the set), how many are still to be written, and the last pass.
/// </summary>
public sealed record WriteBackOverview(IReadOnlyList<WriteBackStatusCount> Items, int Pending, WriteBackRunView? LastRun);

public sealed record WriteBackStatusCount(WriteBackStatus Status, int Count);

public sealed class GetWriteBackStatus(SalesBridgeDbContext db) : IUseCase
{
    public async Task<WriteBackOverview> HandleAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        var items = db.WriteBackItems.Where(i => i.ContractId == caller.ContractId);
        var counts = await items.GroupBy(i => i.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var pending = await items.CountAsync(i => i.Pending, cancellationToken);
        var last = await db.WriteBackRuns.Where(r => r.ContractId == caller.ContractId)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Select(ListWriteBackRuns.View).FirstOrDefaultAsync(cancellationToken);
        return new WriteBackOverview(
            Enum.GetValues<WriteBackStatus>().Select(s => new WriteBackStatusCount(s, counts.Where(c => c.Status == s).Sum(c => c.Count))).ToList(),
            pending, last);
    }
}
