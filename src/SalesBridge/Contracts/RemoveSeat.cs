using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Contracts;

/// <summary>
/// Admins: take a user's seat back. The user keeps their account (and admin right, if any) and their saved leads,
/// accounts and notes stay, ready for when they get a seat again. Safe to repeat.
/// </summary>
public sealed class RemoveSeat(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such user in the caller's contract.</exception>
    public async Task HandleAsync(Caller caller, Guid userId, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        if (!await db.Users.AnyAsync(user => user.Id == userId && user.ContractId == caller.ContractId, cancellationToken))
        {
            throw new NotFoundException("User", userId);
        }

        await db.Seats.Where(seat => seat.UserId == userId && seat.ContractId == caller.ContractId).ExecuteDeleteAsync(cancellationToken);
    }
}
