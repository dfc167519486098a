using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using SalesBridge.Access;
using SalesBridge.Contracts;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Users;

/// <summary>
/// Admins: add a user to the contract with an initial password, optionally as an admin and with a seat. The user
/// and their seat are made together or not at all: with no seat free, no user is made either.
/// </summary>
public sealed class CreateContractUser(SalesBridgeDbContext db, UserManager<WorkspaceUser> users, TimeProvider time) : IUseCase
{
    public const int MaxEmailLength = 256;

    public sealed record Request
    {
        [Required(ErrorMessage = "email is required."), EmailAddress(ErrorMessage = "email must be a valid email address."),
         StringLength(MaxEmailLength, ErrorMessage = "email must be at most 256 characters.")]
        public string? Email { get; init; }

        [Required(ErrorMessage = "displayName is required."),
         StringLength(WorkspaceUser.MaxDisplayNameLength, ErrorMessage = "displayName must be at most 200 characters.")]
        public string? DisplayName { get; init; }

        /// <summary>Checked by the sign-in rules: at least 8 characters with a digit, an upper- and a lower-case letter.</summary>
        [Required(ErrorMessage = "password is required."), StringLength(256, ErrorMessage = "password must be at most 256 characters.")]
        public string? Password { get; init; }

        public bool IsContractAdmin { get; init; }

        public bool AssignSeat { get; init; }
    }

    /// <exception cref="ConflictException">The email is taken (in any contract), or a seat was asked for and none is free.</exception>
    public async Task<ContractUserSummary> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireContractAdmin();
        var email = request.Email!.Trim();
        var now = time.GetUtcNow();
        var user = new WorkspaceUser
        {
            Id = Guid.CreateVersion7(), ContractId = caller.ContractId, DisplayName = request.DisplayName!.Trim(),
            IsContractAdmin = request.IsContractAdmin, UserName = email, Email = email, EmailConfirmed = true, CreatedAt = now,
        };
        if (string.IsNullOrEmpty(user.DisplayName))
        {
            throw new RequestValidationException("displayName", "displayName is required.");
        }

        await RequireValidPasswordAsync(users, user, request.Password!);

        // UserManager works on this same scoped DbContext, so the transaction covers the user and the seat.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockContractAsync(caller.ContractId, cancellationToken);
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new ConflictException("A user with this email already exists.");
        }

        if (request.AssignSeat)
        {
            await AssignSeat.RequireFreeSeatAsync(db, caller.ContractId, cancellationToken);
        }

        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            throw Refusal(created.Errors);
        }

        Seat? seat = null;
        if (request.AssignSeat)
        {
            seat = new Seat { ContractId = caller.ContractId, UserId = user.Id, AssignedAt = now };
            db.Seats.Add(seat);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ContractUserSummary(user.Id, email, user.DisplayName, user.IsContractAdmin, seat?.Id, now, null);
    }

    /// <summary>Before anything is written, so a weak password answers 400 whatever else is wrong.</summary>
    internal static async Task RequireValidPasswordAsync(UserManager<WorkspaceUser> users, WorkspaceUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors);
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { ["password"] = [.. errors.Select(error => error.Description)] });
        }
    }

    private static RequestRefusedException Refusal(IEnumerable<IdentityError> errors)
    {
        var list = errors.ToList();
        if (list.Any(error => error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return new ConflictException("A user with this email already exists.");
        }

        var byField = list
            .GroupBy(error => error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                : "")
            .ToDictionary(group => group.Key, group => group.Select(error => error.Description).ToArray());
        return new RequestValidationException(byField);
    }
}
