using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmMatches;

/// <summary>The CRM side of one of the caller's saved accounts: its account's match, or whether Create record can make one.</summary>
public sealed class GetAccountMatch(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such saved account of the caller.</exception>
    public async Task<SavedItemMatch> HandleAsync(Caller caller, Guid savedAccountId, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var saved = await db.SavedAccounts.Where(l => l.Id == savedAccountId && l.ContractId == caller.ContractId && l.OwnerId == caller.UserId)
            .Select(l => new { l.CompanyId, l.CrmAccountId }).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Saved account", savedAccountId);
        if (saved.CrmAccountId is { } recordId)
        {
            return new SavedItemMatch(savedAccountId, await db.FindAccountAsync(caller.ContractId, recordId, cancellationToken), false, "The account already has a CRM account.");
        }
        var unavailable = await CreateRecordUnavailableAsync(db, caller.ContractId, saved.CompanyId, cancellationToken);
        return new SavedItemMatch(savedAccountId, null, unavailable is null, unavailable);
    }

    /// <summary>Why Create record cannot make an account for the company (null when it can).</summary>
    internal static async Task<string?> CreateRecordUnavailableAsync(SalesBridgeDbContext db, Guid contractId, Guid? companyId, CancellationToken cancellationToken)
    {
        if (companyId is null) return "The account has no workspace company to create a CRM account from.";
        var held = await db.CrmAccounts.Where(a => a.ContractId == contractId && a.CompanyId == companyId && !a.RemovedFromCrm)
            .Select(a => new { a.Name, a.CrmId }).FirstOrDefaultAsync(cancellationToken);
        if (held is not null) return $"This company is already the CRM account \"{held.Name}\" (CRM id {held.CrmId}); no second account is made.";
        var connected = await db.OrgConnections.AnyAsync(c => c.ContractId == contractId && c.Status != CrmConnection.OrgConnectionStatus.Disconnected, cancellationToken);
        return connected ? null : "The contract is not connected to a CRM. An admin connects it under Admin Settings > CRM Settings.";
    }
}

