using SalesBridge.Persistence;

namespace SalesBridge.Users;

/// <summary>A user of the contract as admins manage them: roles, seat, and whether sign-in is locked for now.</summary>
public sealed record ContractUserSummary(
    Guid Id,
    string Email,
    string DisplayName,
    bool IsContractAdmin,
    Guid? SeatId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LockedOutUntil);

internal static class ContractUserSummaries
{
    /// <summary>One projection for the list, the single read and the answers of the changes.</summary>
    public static IQueryable<ContractUserSummary> SelectSummaries(this IQueryable<WorkspaceUser> users, SalesBridgeDbContext db, DateTimeOffset now) =>
        users.Select(user => new ContractUserSummary(user.Id, user.Email ?? "", user.DisplayName, user.IsContractAdmin,
            db.Seats.Where(seat => seat.UserId == user.Id).Select(seat => (Guid?)seat.Id).FirstOrDefault(),
            user.CreatedAt,
            user.LockoutEnd > now ? user.LockoutEnd : null));
}
