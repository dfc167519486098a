using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Accounts;

/// <summary>One of the caller's saved accounts.</summary>
public sealed class GetSavedAccount(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such saved account of the caller.</exception>
    public Task<SavedAccountSummary> HandleAsync(Caller caller, Guid savedAccountId, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        return db.ReadMineAsync(caller, savedAccountId, cancellationToken);
    }
}
