using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmSeats;
using SalesBridge.Persistence;

namespace SalesBridge.CrmImport;

/// <summary>The seats of a contract that sync (S6, S18): tied to an enabled CRM user and chosen, by auto sync or per seat.</summary>
internal static class SyncingSeats
{
    public static async Task<IReadOnlyList<SyncingSeat>> LoadAsync(SalesBridgeDbContext db, Guid contractId, CancellationToken cancellationToken)
    {
        var ties = await SeatCrmTies.LoadAsync(db, contractId, cancellationToken);
        var seats = await db.Seats.AsNoTracking().Where(s => s.ContractId == contractId)
            .Select(s => new { s.UserId, s.User.Email, s.User.DisplayName, s.CrmSyncEnabled }).ToListAsync(cancellationToken);
        return seats
            .Where(s => ties.Describe(s.Email, s.CrmSyncEnabled).Syncs)
            .Select(s => new SyncingSeat(s.UserId, ties.TiedUser(s.Email)!.SystemUserId, s.DisplayName))
            .ToList();
    }
}
