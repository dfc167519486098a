using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.PeopleDirectory;

/// <summary>One person of the caller's contract directory.</summary>
public sealed class GetPerson(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such person in the caller's contract.</exception>
    public async Task<PersonDetails> HandleAsync(Caller caller, Guid personId, CancellationToken cancellationToken) =>
        await db.People
            .Where(person => person.Id == personId && person.ContractId == caller.ContractId)
            .Select(person => new PersonDetails(person.Id, person.FirstName, person.LastName, person.Headline, person.Title,
                person.CompanyName, person.CompanyId, person.City, person.Region, person.Country, person.Email, person.Phone,
                person.ProfileUrl, person.ExternalId,
                db.SavedLeads.Where(lead => lead.OwnerId == caller.UserId && lead.PersonId == person.Id).Select(lead => (Guid?)lead.Id).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Person", personId);
}
