using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Users;

/// <summary>Admins: one user of the contract.</summary>
public sealed class GetContractUser(SalesBridgeDbContext db, TimeProvider time) : IUseCase
{
    /// <exception cref="NotFoundException">No such user in the caller's contract.</exception>
    public async Task<ContractUserSummary> HandleAsync(Caller caller, Guid userId, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        return await ReadAsync(db, caller.ContractId, userId, time.GetUtcNow(), cancellationToken);
    }

    internal static async Task<ContractUserSummary> ReadAsync(
        SalesBridgeDbContext db, Guid contractId, Guid userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(user => user.Id == userId && user.ContractId == contractId)
            .SelectSummaries(db, now)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("User", userId);
}
