using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmMatches;

/// <summary>The CRM contact a directory person is matched to, for the person's page; null when none is.</summary>
public sealed class GetPersonMatch(SalesBridgeDbContext db) : IUseCase
{
    public async Task<CrmMatchView?> HandleAsync(Caller caller, Guid personId, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var recordId = await db.CrmContacts.Where(c => c.ContractId == caller.ContractId && c.PersonId == personId && !c.RemovedFromCrm)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        return recordId is { } id ? await db.ContactAsync(caller.ContractId, id, cancellationToken) : null;
    }
}
