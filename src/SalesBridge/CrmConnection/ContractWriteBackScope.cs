using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmSettings;
using SalesBridge.Persistence;

namespace SalesBridge.CrmConnection;

/// <summary>
/// What the contract's write-back settings ask of the connection, so that connecting, reconnecting and the health
/// checks judge the write-back privileges the same way: missing ones fail while write-back is on (a warning while
/// it is off), and impersonating seat holders adds <c>prvActOnBehalfOfAnotherUser</c>.
/// </summary>
public static class ContractWriteBackScope
{
    public static async Task<(bool Requested, WriteBackPrivilegeOptions Options)> ReadAsync(SalesBridgeDbContext db, Guid contractId, CancellationToken cancellationToken)
    {
        var settings = await db.CrmSettings.AsNoTracking().Where(s => s.ContractId == contractId)
            .Select(s => new { s.WriteBackEnabled, s.Creator }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return (settings?.WriteBackEnabled ?? false, new WriteBackPrivilegeOptions { CreatorIsSeatHolder = settings?.Creator == WriteBackCreator.SeatHolder });
    }
}
