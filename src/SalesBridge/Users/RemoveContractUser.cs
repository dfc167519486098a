using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Contracts;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Users;

/// <summary>
/// Admins: delete a user of the contract with their seat and everything they saved (leads, accounts, lists, notes,
/// conversations go with them through the database's cascades). Not the caller, and not the last admin.
/// </summary>
public sealed class RemoveContractUser(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such user in the caller's contract.</exception>
    /// <exception cref="ConflictException">The user is the caller, or the contract's last admin.</exception>
    public async Task HandleAsync(Caller caller, Guid userId, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockContractAsync(caller.ContractId, cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(user => user.Id == userId && user.ContractId == caller.ContractId, cancellationToken)
            ?? throw new NotFoundException("User", userId);
        if (user.Id == caller.UserId)
        {
            throw new ConflictException("You cannot remove your own account. Another admin of the contract can.");
        }

        if (user.IsContractAdmin)
        {
            await SetContractAdmin.RequireAnotherAdminAsync(db, user, cancellationToken);
        }

        await db.Users.Where(row => row.Id == userId && row.ContractId == caller.ContractId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
