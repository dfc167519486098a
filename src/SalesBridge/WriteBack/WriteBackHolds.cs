using Microsoft.EntityFrameworkCore;
using SalesBridge.Persistence;

namespace SalesBridge.WriteBack;

/// <summary>
/// Lets held items go at once when what held them may have changed (a setting saved, a seat enabled, the org reconnected),
/// instead of at their next minute's look.
/// </summary>
public sealed class WriteBackHolds(SalesBridgeDbContext db, IWriteBackSignal signal)
{
    public async Task ReleaseAsync(Guid contractId, CancellationToken cancellationToken)
    {
        await db.WriteBackItems.Where(i => i.ContractId == contractId && i.Pending && i.Reason != null && i.DueAt != null
                && (i.Status == WriteBackStatus.Waiting || i.Status == WriteBackStatus.Unresolved))
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.DueAt, (DateTimeOffset?)null), cancellationToken);
        signal.Wake(contractId);
    }
}
