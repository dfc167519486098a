using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Users;

/// <summary>Any signed-in user: their own profile, read now, so a seat or admin right just removed shows at once.</summary>
public sealed class GetMyProfile(SalesBridgeDbContext db) : IUseCase
{
    public Task<MyProfile> HandleAsync(Caller caller, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(user => user.Id == caller.UserId && user.ContractId == caller.ContractId)
            .Select(user => new MyProfile(user.Id, user.Email ?? "", user.DisplayName, user.ContractId,
                db.Contracts.Where(contract => contract.Id == user.ContractId).Select(contract => contract.CompanyName).Single(),
                user.IsContractAdmin,
                db.Seats.Any(seat => seat.UserId == user.Id)))
            .SingleAsync(cancellationToken);
}
