using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Contracts;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Users;

/// <summary>
/// Admins: give a user of the contract the admin right or take it away. A contract always keeps at least one admin,
/// so the last one cannot be demoted (not even by themselves).
/// </summary>
public sealed class SetContractAdmin(SalesBridgeDbContext db, TimeProvider time) : IUseCase
{
    public sealed record Request
    {
        [Required(ErrorMessage = "isContractAdmin is required.")]
        public bool? IsContractAdmin { get; init; }
    }

    /// <exception cref="NotFoundException">No such user in the caller's contract.</exception>
    /// <exception cref="ConflictException">The user is the contract's last admin.</exception>
    public async Task<ContractUserSummary> HandleAsync(Caller caller, Guid userId, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireContractAdmin();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockContractAsync(caller.ContractId, cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(user => user.Id == userId && user.ContractId == caller.ContractId, cancellationToken)
            ?? throw new NotFoundException("User", userId);
        var makeAdmin = request.IsContractAdmin!.Value;
        if (user.IsContractAdmin && !makeAdmin)
        {
            await RequireAnotherAdminAsync(db, user, cancellationToken);
        }

        user.IsContractAdmin = makeAdmin;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await GetContractUser.ReadAsync(db, caller.ContractId, userId, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Call with the contract locked (<see cref="ContractLock"/>).</summary>
    /// <exception cref="ConflictException"><paramref name="admin"/> is the contract's only admin.</exception>
    internal static async Task RequireAnotherAdminAsync(SalesBridgeDbContext db, WorkspaceUser admin, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(user => user.ContractId == admin.ContractId && user.IsContractAdmin && user.Id != admin.Id, cancellationToken))
        {
            throw new ConflictException($"{admin.DisplayName} is the last admin of the contract. Make another user an admin first.");
        }
    }
}
