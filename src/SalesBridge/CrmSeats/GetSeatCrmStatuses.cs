using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmSeats;

/// <summary>Admins: the CRM standing of some of the contract's seats (Seat Management's rows), with when the CRM's users were read.</summary>
public sealed class GetSeatCrmStatuses(SalesBridgeDbContext db) : IUseCase
{
    public async Task<SeatCrmStatuses> HandleAsync(Caller caller, IReadOnlyCollection<Guid> seatIds, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        var seats = await db.Seats.Where(s => s.ContractId == caller.ContractId && seatIds.Contains(s.Id))
            .Select(s => new { s.Id, s.User.Email, s.CrmSyncEnabled }).ToListAsync(cancellationToken);
        var ties = await SeatCrmTies.LoadAsync(db, caller.ContractId, cancellationToken);
        return new SeatCrmStatuses(ties.IsConnected, ties.AutoSyncAllSeats, ties.RefreshedAt,
            seats.ToDictionary(s => s.Id, s => ties.Describe(s.Email, s.CrmSyncEnabled)));
    }
}

/// <summary>Seats by id with their CRM standing, and the facts they were judged by.</summary>
public sealed record SeatCrmStatuses(bool IsConnected, bool AutoSyncAllSeats, DateTimeOffset? RefreshedAt, IReadOnlyDictionary<Guid, SeatCrmStatus> BySeat);
