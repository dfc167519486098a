using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.PeopleDirectory;

/// <summary>
/// Adds or updates directory companies and people from a loading system (the API for admins, the CSV import for
/// operators). Rows are keyed by their external id, so a load can be repeated; a batch is all or nothing.
/// </summary>
public sealed class LoadDirectory(SalesBridgeDbContext db) : IUseCase
{
    public const int MaxRowsPerBatch = 1_000;

    public Task<DirectoryLoadResult> LoadCompaniesAsync(Caller caller, IReadOnlyList<CompanyRow> rows, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        return LoadCompaniesAsync(caller.ContractId, rows, cancellationToken);
    }

    public Task<DirectoryLoadResult> LoadPeopleAsync(Caller caller, IReadOnlyList<PersonRow> rows, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        return LoadPeopleAsync(caller.ContractId, rows, cancellationToken);
    }

    /// <summary>For operators: loads into a contract named by id, without a signed-in caller.</summary>
    public async Task<DirectoryLoadResult> LoadCompaniesAsync(Guid contractId, IReadOnlyList<CompanyRow> rows, CancellationToken cancellationToken)
    {
        ValidateBatch(rows, row => row.ExternalId);
        var ids = rows.Select(row => row.ExternalId).ToList();
        var existing = await db.Companies.Where(company => company.ContractId == contractId && ids.Contains(company.ExternalId!))
            .ToDictionaryAsync(company => company.ExternalId!, cancellationToken);
        var keys = new MatchKeyChanges(db, contractId);
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.ExternalId, out var company))
            {
                company = new Company { ContractId = contractId, ExternalId = row.ExternalId, Name = row.Name };
                db.Companies.Add(company);
            }

            var keysBefore = company.MatchKeysVersion == DirectoryMatchKeys.Version ? DirectoryMatchKeys.OfCompany(company.Name, company.Website).ToList() : null;

            company.Name = row.Name.Trim();
            company.Website = Clean(row.Website);
            company.Industry = Clean(row.Industry);
            company.EmployeeCount = row.EmployeeCount;
            company.City = Clean(row.City);
            company.Country = Clean(row.Country);
            company.RefreshSearchText();
            if (company.MatchKeysVersion is 0 or DirectoryMatchKeys.Version)
            {
                keys.Replace(company.Id, keysBefore, DirectoryMatchKeys.OfCompany(company.Name, company.Website));
                company.MatchKeysVersion = DirectoryMatchKeys.Version;
            }
        }

        await keys.SaveAsync(cancellationToken);
        return new DirectoryLoadResult(rows.Count - existing.Count, existing.Count);
    }

    /// <summary>For operators: loads into a contract named by id, without a signed-in caller.</summary>
    public async Task<DirectoryLoadResult> LoadPeopleAsync(Guid contractId, IReadOnlyList<PersonRow> rows, CancellationToken cancellationToken)
    {
        ValidateBatch(rows, row => row.ExternalId);
        var ids = rows.Select(row => row.ExternalId).ToList();
        var companyIds = rows.Select(row => row.CompanyExternalId).OfType<string>().Distinct().ToList();
        var companies = await db.Companies.Where(company => company.ContractId == contractId && companyIds.Contains(company.ExternalId!))
            .ToDictionaryAsync(company => company.ExternalId!, cancellationToken);
        var unknownCompanies = rows.Select((row, index) => (row, index))
            .Where(pair => pair.row.CompanyExternalId is { } key && !companies.ContainsKey(key))
            .ToDictionary(pair => $"rows[{pair.index}].companyExternalId",
                pair => new[] { $"No directory company has external id '{pair.row.CompanyExternalId}'; load the companies first." });
        if (unknownCompanies.Count > 0)
        {
            throw new RequestValidationException(unknownCompanies);
        }

        var existing = await db.People.Where(person => person.ContractId == contractId && ids.Contains(person.ExternalId!))
            .ToDictionaryAsync(person => person.ExternalId!, cancellationToken);
        var keys = new MatchKeyChanges(db, contractId);
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.ExternalId, out var person))
            {
                person = new Person { ContractId = contractId, ExternalId = row.ExternalId, FirstName = row.FirstName, LastName = row.LastName };
                db.People.Add(person);
            }

            var keysBefore = person.MatchKeysVersion == DirectoryMatchKeys.Version
                ? DirectoryMatchKeys.StoredOfPerson(person.FirstName, person.LastName, person.City, person.Email).ToList() : null;

            var company = row.CompanyExternalId is { } key ? companies[key] : null;
            person.FirstName = row.FirstName.Trim();
            person.LastName = row.LastName.Trim();
            person.Headline = Clean(row.Headline);
            person.Title = Clean(row.Title);
            person.CompanyId = company?.Id;
            person.CompanyName = Clean(row.CompanyName) ?? company?.Name;
            person.City = Clean(row.City);
            person.Region = Clean(row.Region);
            person.Country = Clean(row.Country);
            person.Email = Clean(row.Email);
            person.Phone = Clean(row.Phone);
            person.ProfileUrl = Clean(row.ProfileUrl);
            person.RefreshSearchText();
            if (person.MatchKeysVersion is 0 or DirectoryMatchKeys.Version)
            {
                keys.Replace(person.Id, keysBefore, DirectoryMatchKeys.StoredOfPerson(person.FirstName, person.LastName, person.City, person.Email));
                person.MatchKeysVersion = DirectoryMatchKeys.Version;
            }
        }

        await keys.SaveAsync(cancellationToken);
        return new DirectoryLoadResult(rows.Count - existing.Count, existing.Count);
    }

    private static void ValidateBatch<T>(IReadOnlyList<T> rows, Func<T, string> key) where T : notnull
    {
        if (rows.Count is 0 or > MaxRowsPerBatch)
        {
            throw new RequestValidationException("rows", $"Send between 1 and {MaxRowsPerBatch} rows per request; this one has {rows.Count}.");
        }

        var errors = new Dictionary<string, string[]>();
        for (var index = 0; index < rows.Count; index++)
        {
            try
            {
                RequestValidation.Validate(rows[index]);
            }
            catch (RequestValidationException invalid)
            {
                foreach (var (field, messages) in invalid.Errors)
                {
                    errors[$"rows[{index}].{field}"] = messages;
                }
            }
        }

        foreach (var duplicate in rows.Select((row, index) => (id: key(row), index)).GroupBy(row => row.id).Where(group => group.Count() > 1))
        {
            errors[$"rows[{duplicate.Last().index}].externalId"] = [$"externalId '{duplicate.Key}' appears more than once in this batch."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
