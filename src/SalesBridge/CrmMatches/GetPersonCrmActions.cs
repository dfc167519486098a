using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmMatches;

/// <summary>
/// What the person's page offers to give a person a CRM record from the person's side (S15, S17): whether the caller may act
/// on them at all (<see cref="PersonCrmAccess"/>, the same rule the actions enforce), whether they already have a CRM contact,
/// and, when Create record cannot run, why.
/// </summary>
public sealed class GetPersonCrmActions(SalesBridgeDbContext db) : IUseCase
{
    /// <param name="HasCrmContact">The person is already tied to a CRM contact: nothing to resolve from their side.</param>
    /// <param name="CreateRecordUnavailable">Why Create record cannot make the contact (no CRM connected, say); null when it can.</param>
    public sealed record Result(bool HasCrmContact, string? CreateRecordUnavailable)
    {
        public bool CanCreateRecord => CreateRecordUnavailable is null;
    }

    /// <returns>Null when the caller may not act on the person (or there is no such person): the page then offers nothing.</returns>
    public async Task<Result?> HandleAsync(Caller caller, Guid personId, CancellationToken cancellationToken)
    {
        if (!await PersonCrmAccess.AllowsAsync(db, caller, personId, cancellationToken)) return null;
        var hasContact = await db.CrmContacts.AnyAsync(c => c.ContractId == caller.ContractId && c.PersonId == personId && !c.RemovedFromCrm, cancellationToken);
        return new Result(hasContact, hasContact ? null : await GetLeadMatch.CreateRecordUnavailableAsync(db, caller.ContractId, personId, cancellationToken));
    }
}
