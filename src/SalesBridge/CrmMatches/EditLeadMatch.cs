using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmMatches;

/// <summary>Edit match from a seat holder's saved lead: the CRM contact behind it gets the person they pick (or none).</summary>
public sealed class EditLeadMatch(SalesBridgeDbContext db, EditContactMatch edit) : IUseCase
{
    /// <exception cref="NotFoundException">No such saved lead of the caller, or no such person.</exception>
    /// <exception cref="ConflictException">The lead has no CRM contact, or the person is another record's by someone's choice.</exception>
    public async Task<CrmMatchView> HandleAsync(Caller caller, Guid savedLeadId, EditMatchRequest request, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        request.Validated();
        var lead = await db.SavedLeads.Where(l => l.Id == savedLeadId && l.ContractId == caller.ContractId && l.OwnerId == caller.UserId)
            .Select(l => new { l.CrmContactId }).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Saved lead", savedLeadId);
        var recordId = lead.CrmContactId
            ?? throw new ConflictException("This lead has no CRM contact to match. Use Create record to make one in the CRM from the person.");
        return await edit.HandleAsync(caller, recordId, request, cancellationToken);
    }
}
