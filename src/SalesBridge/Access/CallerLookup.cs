using Microsoft.EntityFrameworkCore;
using SalesBridge.Persistence;

namespace SalesBridge.Access;

/// <summary>Reads a signed-in user's contract and roles, so that a removed seat or admin right takes effect at once.</summary>
public sealed class CallerLookup(SalesBridgeDbContext db)
{
    /// <returns>The caller, or null when the user no longer exists (then the sign-in is no longer valid).</returns>
    public Task<Caller?> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(user => user.Id == userId)
            .Select(user => new Caller(user.Id, user.ContractId, user.DisplayName, user.Email ?? "", user.IsContractAdmin,
                db.Seats.Any(seat => seat.UserId == user.Id)))
            .SingleOrDefaultAsync(cancellationToken);
}
