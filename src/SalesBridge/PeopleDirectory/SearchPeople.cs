using System.ComponentModel.DataAnnotations;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.PeopleDirectory;

/// <summary>Finds people in the contract's directory by any words of their name, title, company, place or email.</summary>
public sealed class SearchPeople(SalesBridgeDbContext db) : IUseCase
{
    public sealed record Request : PageRequest
    {
        [StringLength(DirectorySearchText.MaxTermLength, ErrorMessage = "query must be at most 100 characters.")]
        public string? Query { get; init; }

        /// <summary>Only people whose current company is this directory company.</summary>
        public Guid? CompanyId { get; init; }
    }

    public Task<Page<PersonSummary>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        var people = db.People.Where(person => person.ContractId == caller.ContractId);
        foreach (var term in DirectorySearchText.Terms(request.Query))
        {
            people = people.Where(person => person.SearchText.Contains(term));
        }

        if (request.CompanyId is { } companyId)
        {
            people = people.Where(person => person.CompanyId == companyId);
        }

        return people
            .OrderBy(person => person.LastName).ThenBy(person => person.FirstName).ThenBy(person => person.Id)
            .Select(person => new PersonSummary(person.Id, person.FirstName, person.LastName, person.Title, person.CompanyName,
                person.CompanyId, person.City, person.Country,
                db.SavedLeads.Where(lead => lead.OwnerId == caller.UserId && lead.PersonId == person.Id).Select(lead => (Guid?)lead.Id).FirstOrDefault()))
            .ToPageAsync(request, cancellationToken);
    }
}
