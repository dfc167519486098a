using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.CrmImport;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.PeopleDirectory;
using SalesBridge.UseCases;

namespace SalesBridge.CrmMatches;

/// <summary>
/// The contract's CRM contacts (as the last import read them) found by name, email, title, company or city: what a seat
/// holder or admin picks from in Edit match on a person.
/// </summary>
public sealed class SearchCrmContacts(SalesBridgeDbContext db) : IUseCase
{
    public const int MaxResults = 50;

    public sealed record Request
    {
        [Required(ErrorMessage = "q is required: a name, email, title, company or city.")]
        [StringLength(200, MinimumLength = 2, ErrorMessage = "q must be 2 to 200 characters.")]
        public string? Q { get; init; }
    }

    public sealed record Result(Guid RecordId, Guid CrmId, string Name, string? Email, string? JobTitle, string? CompanyName, string? City,
        Guid? PersonId, string? PersonName, bool ChosenByUser);

    public async Task<IReadOnlyList<Result>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        if (!caller.IsContractAdmin) caller.RequireSeat();
        // The same folding as the records' SearchText, so "muller" finds "Müller".
        var terms = DirectorySearchText.Of(request.Q).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var query = db.CrmContacts.AsNoTracking().Where(c => c.ContractId == caller.ContractId && !c.RemovedFromCrm);
        foreach (var term in terms) query = query.Where(c => c.SearchText.Contains(term));
        return await query.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).Take(MaxResults)
            .Select(c => new Result(c.Id, c.CrmId, (c.FirstName + " " + c.LastName).Trim(), c.Email, c.JobTitle, c.CompanyName, c.City, c.PersonId,
                c.PersonId == null ? null : db.People.Where(p => p.Id == c.PersonId).Select(p => p.FirstName + " " + p.LastName).FirstOrDefault(),
                c.Match.State == CrmMatchState.ChosenByUser))
            .ToListAsync(cancellationToken);
    }
}
