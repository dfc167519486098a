using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Contracts;

/// <summary>Admins: give a user of the contract a seat, so they can use the seat-holder features. Safe to repeat.</summary>
public sealed class AssignSeat(SalesBridgeDbContext db, TimeProvider time) : IUseCase
{
    /// <exception cref="NotFoundException">No such user in the caller's contract.</exception>
    /// <exception cref="ConflictException">Every seat of the contract is assigned.</exception>
    public async Task<SeatSummary> HandleAsync(Caller caller, Guid userId, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockContractAsync(caller.ContractId, cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(user => user.Id == userId && user.ContractId == caller.ContractId, cancellationToken)
            ?? throw new NotFoundException("User", userId);
        var seat = await db.Seats.SingleOrDefaultAsync(seat => seat.UserId == userId, cancellationToken);
        if (seat is null)
        {
            await RequireFreeSeatAsync(db, caller.ContractId, cancellationToken);
            seat = new Seat { ContractId = caller.ContractId, UserId = userId, AssignedAt = time.GetUtcNow() };
            db.Seats.Add(seat);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new SeatSummary(seat.Id, user.Id, user.DisplayName, user.Email ?? "", seat.AssignedAt);
    }

    /// <summary>Call with the contract locked (<see cref="ContractLock"/>), so the answer holds until the seat is saved.</summary>
    /// <exception cref="ConflictException">Every seat of the contract is assigned.</exception>
    internal static async Task RequireFreeSeatAsync(SalesBridgeDbContext db, Guid contractId, CancellationToken cancellationToken)
    {
        var seatCount = await db.Contracts.Where(contract => contract.Id == contractId).Select(contract => contract.SeatCount).SingleAsync(cancellationToken);
        var seatsUsed = await db.Seats.CountAsync(seat => seat.ContractId == contractId, cancellationToken);
        if (seatsUsed >= seatCount)
        {
            throw new ConflictException($"All {seatCount} seats of the contract are assigned. Free a seat or raise the seat count.");
        }
    }
}
