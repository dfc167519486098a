using Microsoft.EntityFrameworkCore;
using SalesBridge.Persistence;

namespace SalesBridge.Contracts;

internal static class ContractLock
{
    /// <summary>
    /// Takes the contract row's write lock for the rest of the open transaction (a no-op update locks the row on
    /// PostgreSQL and the database on SQLite), so that two admins assigning the last seat, or demoting the last two
    /// admins, at the same moment are served one after the other and the counts each one reads stay true.
    /// </summary>
    public static Task LockContractAsync(this SalesBridgeDbContext db, Guid contractId, CancellationToken cancellationToken) =>
        db.Contracts.Where(contract => contract.Id == contractId)
            .ExecuteUpdateAsync(update => update.SetProperty(contract => contract.SeatCount, contract => contract.SeatCount), cancellationToken);
}
