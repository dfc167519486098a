using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.PeopleDirectory;

/// <summary>One company of the caller's contract directory.</summary>
public sealed class GetCompany(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such company in the caller's contract.</exception>
    public async Task<CompanyDetails> HandleAsync(Caller caller, Guid companyId, CancellationToken cancellationToken) =>
        await db.Companies
            .Where(company => company.Id == companyId && company.ContractId == caller.ContractId)
            .Select(company => new CompanyDetails(company.Id, company.Name, company.Website, company.Industry, company.EmployeeCount,
                company.City, company.Country, company.ExternalId,
                db.People.Count(person => person.CompanyId == company.Id),
                db.SavedAccounts.Where(account => account.OwnerId == caller.UserId && account.CompanyId == company.Id).Select(account => (Guid?)account.Id).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Company", companyId);
}
