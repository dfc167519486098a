using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Contracts;

/// <summary>Admins: the caller's contract, its edition and how many seats and users it has.</summary>
public sealed class GetContractOverview(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="Errors.AccessDeniedException">The caller is not an admin of the contract.</exception>
    public Task<ContractOverview> HandleAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        return ReadAsync(db, caller.ContractId, cancellationToken);
    }

    /// <summary>Also answers <see cref="UpdateContract"/>, so that both show the same figures.</summary>
    internal static async Task<ContractOverview> ReadAsync(SalesBridgeDbContext db, Guid contractId, CancellationToken cancellationToken)
    {
        var row = await db.Contracts.AsNoTracking()
            .Where(contract => contract.Id == contractId)
            .Select(contract => new
            {
                contract.Id,
                contract.CompanyName,
                contract.Edition,
                contract.SeatCount,
                SeatsUsed = db.Seats.Count(seat => seat.ContractId == contract.Id),
                AdminCount = db.Users.Count(user => user.ContractId == contract.Id && user.IsContractAdmin),
                UserCount = db.Users.Count(user => user.ContractId == contract.Id),
            })
            .SingleAsync(cancellationToken);
        return new ContractOverview(row.Id, row.CompanyName, row.Edition, row.SeatCount, row.SeatsUsed,
            Math.Max(0, row.SeatCount - row.SeatsUsed), row.AdminCount, row.UserCount);
    }
}
