using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;

namespace SalesBridge.CrmMatches;

/// <summary>
/// Who may tie a directory person to a CRM contact from the person's side (the unresolved task report, S15, S17): an admin
/// for anyone in the contract; a seat holder for a person they saved or wrote back an item about.
/// </summary>
internal static class PersonCrmAccess
{
    /// <exception cref="NotFoundException">No such person, or none the caller works with (the same answer, so ids reveal nothing).</exception>
    public static async Task RequireAsync(SalesBridgeDbContext db, Caller caller, Guid personId, CancellationToken cancellationToken)
    {
        if (!await AllowsAsync(db, caller, personId, cancellationToken)) throw new NotFoundException("Person", personId);
    }

    /// <summary>Whether the caller may work on the person: what a page asks before it offers the actions at all.</summary>
    public static async Task<bool> AllowsAsync(SalesBridgeDbContext db, Caller caller, Guid personId, CancellationToken cancellationToken)
    {
        var exists = await db.People.AnyAsync(p => p.Id == personId && p.ContractId == caller.ContractId, cancellationToken);
        return exists && (caller.IsContractAdmin
            || await db.WriteBackItems.AnyAsync(i => i.ContractId == caller.ContractId && i.SeatHolderId == caller.UserId && i.PersonId == personId, cancellationToken)
            || await db.SavedLeads.AnyAsync(l => l.ContractId == caller.ContractId && l.OwnerId == caller.UserId && l.PersonId == personId, cancellationToken));
    }
}
