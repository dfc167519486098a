using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Users;

/// <summary>
/// Admins: set a user's password — the way in for users created from the CRM without one (<i>Assign seats from
/// CRM</i>), and for anyone who forgot theirs while there is no reset by email. The new password follows the sign-in
/// rules, and a lockout is lifted.
/// </summary>
public sealed class SetUserPassword(SalesBridgeDbContext db, UserManager<WorkspaceUser> users, TimeProvider time) : IUseCase
{
    public sealed record Request
    {
        /// <summary>At least 8 characters with a digit, an upper- and a lower-case letter.</summary>
        [Required(ErrorMessage = "password is required."), StringLength(256, ErrorMessage = "password must be at most 256 characters.")]
        public string? Password { get; init; }
    }

    /// <exception cref="NotFoundException">No such user in the caller's contract.</exception>
    public async Task<ContractUserSummary> HandleAsync(Caller caller, Guid userId, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireContractAdmin();
        var user = await db.Users.SingleOrDefaultAsync(user => user.Id == userId && user.ContractId == caller.ContractId, cancellationToken)
            ?? throw new NotFoundException("User", userId);
        await CreateContractUser.RequireValidPasswordAsync(users, user, request.Password!);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await users.HasPasswordAsync(user)) Succeeded(await users.RemovePasswordAsync(user));
        Succeeded(await users.AddPasswordAsync(user, request.Password!));
        Succeeded(await users.SetLockoutEndDateAsync(user, null));
        Succeeded(await users.ResetAccessFailedCountAsync(user));
        await transaction.CommitAsync(cancellationToken);
        return await GetContractUser.ReadAsync(db, caller.ContractId, userId, time.GetUtcNow(), cancellationToken);
    }

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { ["password"] = [.. result.Errors.Select(error => error.Description)] });
        }
    }
}
