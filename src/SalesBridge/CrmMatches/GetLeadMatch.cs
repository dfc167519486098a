using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmMatches;

/// <summary>The CRM side of one of the caller's saved leads: its contact's match, or whether Create record can make one.</summary>
public sealed class GetLeadMatch(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such saved lead of the caller.</exception>
    public async Task<SavedItemMatch> HandleAsync(Caller caller, Guid savedLeadId, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var lead = await db.SavedLeads.Where(l => l.Id == savedLeadId && l.ContractId == caller.ContractId && l.OwnerId == caller.UserId)
            .Select(l => new { l.PersonId, l.CrmContactId }).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Saved lead", savedLeadId);
        if (lead.CrmContactId is { } recordId)
        {
            return new SavedItemMatch(savedLeadId, await db.FindContactAsync(caller.ContractId, recordId, cancellationToken), false, "The lead already has a CRM contact.");
        }
        var unavailable = await CreateRecordUnavailableAsync(db, caller.ContractId, lead.PersonId, cancellationToken);
        return new SavedItemMatch(savedLeadId, null, unavailable is null, unavailable);
    }

    /// <summary>Why Create record cannot make a contact for the person (null when it can).</summary>
    internal static async Task<string?> CreateRecordUnavailableAsync(SalesBridgeDbContext db, Guid contractId, Guid? personId, CancellationToken cancellationToken)
    {
        if (personId is null) return "The lead has no workspace person to create a CRM contact from.";
        var held = await db.CrmContacts.Where(c => c.ContractId == contractId && c.PersonId == personId && !c.RemovedFromCrm)
            .Select(c => new { c.FirstName, c.LastName, c.CrmId }).FirstOrDefaultAsync(cancellationToken);
        if (held is not null)
        {
            return $"This person is already the CRM contact \"{$"{held.FirstName} {held.LastName}".Trim()}\" (CRM id {held.CrmId}); no second contact is made.";
        }
        var connected = await db.OrgConnections.AnyAsync(c => c.ContractId == contractId && c.Status != CrmConnection.OrgConnectionStatus.Disconnected, cancellationToken);
        return connected ? null : "The contract is not connected to a CRM. An admin connects it under Admin Settings > CRM Settings.";
    }
}
