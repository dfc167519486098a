using System.ComponentModel.DataAnnotations;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.PeopleDirectory;

/// <summary>Finds companies in the contract's directory by any words of their name, website, industry or place.</summary>
public sealed class SearchCompanies(SalesBridgeDbContext db) : IUseCase
{
    public sealed record Request : PageRequest
    {
        [StringLength(DirectorySearchText.MaxTermLength, ErrorMessage = "query must be at most 100 characters.")]
        public string? Query { get; init; }
    }

    public Task<Page<CompanySummary>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        var companies = db.Companies.Where(company => company.ContractId == caller.ContractId);
        foreach (var term in DirectorySearchText.Terms(request.Query))
        {
            companies = companies.Where(company => company.SearchText.Contains(term));
        }

        return companies
            .OrderBy(company => company.Name).ThenBy(company => company.Id)
            .Select(company => new CompanySummary(company.Id, company.Name, company.Website, company.Industry, company.EmployeeCount,
                company.City, company.Country,
                db.SavedAccounts.Where(account => account.OwnerId == caller.UserId && account.CompanyId == company.Id).Select(account => (Guid?)account.Id).FirstOrDefault()))
            .ToPageAsync(request, cancellationToken);
    }
}
