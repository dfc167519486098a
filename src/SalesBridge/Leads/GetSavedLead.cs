using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Leads;

/// <summary>One of the caller's saved leads.</summary>
public sealed class GetSavedLead(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such saved lead of the caller.</exception>
    public Task<SavedLeadSummary> HandleAsync(Caller caller, Guid savedLeadId, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        return db.ReadMineAsync(caller, savedLeadId, cancellationToken);
    }
}
