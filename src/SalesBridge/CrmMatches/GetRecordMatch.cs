using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmMatches;

/// <summary>
/// One CRM record's match, for the Edit match page: an admin sees any record of the contract, a seat holder only a
/// record behind one of their saved items (others answer 404, like ids of other contracts).
/// </summary>
public sealed class GetRecordMatch(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such record the caller may see.</exception>
    public async Task<CrmMatchView> HandleAsync(Caller caller, CrmRecordKind kind, Guid recordId, CancellationToken cancellationToken)
    {
        var visible = caller.IsContractAdmin || (kind == CrmRecordKind.Contact
            ? await db.SavedLeads.AnyAsync(l => l.ContractId == caller.ContractId && l.OwnerId == caller.UserId && l.CrmContactId == recordId, cancellationToken)
            : await db.SavedAccounts.AnyAsync(a => a.ContractId == caller.ContractId && a.OwnerId == caller.UserId && a.CrmAccountId == recordId, cancellationToken));
        if (!visible) throw new NotFoundException(kind == CrmRecordKind.Contact ? "CRM contact" : "CRM account", recordId);
        return kind == CrmRecordKind.Contact
            ? await db.ContactAsync(caller.ContractId, recordId, cancellationToken)
            : await db.AccountAsync(caller.ContractId, recordId, cancellationToken);
    }
}
