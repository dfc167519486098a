using SalesBridge.PeopleDirectory;
using SalesBridge.Emulator.DemoWorld;

namespace SalesBridge.Web.Demo;

/// <summary>The demo world's workspace side as directory rows.</summary>
public static class DemoDirectoryRows
{
    public static CompanyRow Company(WorkspaceCompany company) => new()
    {
        ExternalId = CompanyKey(company.Id), Name = company.Name, Website = company.Website, Industry = company.Industry,
        EmployeeCount = company.EmployeeCount, City = company.City, Country = company.Country,
    };

    public static PersonRow Person(WorkspacePerson person) => new()
    {
        ExternalId = $"demo-person-{person.Id:N}",
        FirstName = person.FirstName,
        LastName = person.LastName,
        Title = person.Title,
        Headline = person.Title is null ? null : person.CompanyName is null ? person.Title : $"{person.Title} at {person.CompanyName}",
        CompanyName = person.CompanyName,
        CompanyExternalId = person.WorkspaceCompanyId is { } companyId ? CompanyKey(companyId) : null,
        City = person.City,
        Country = person.Country,
        Email = person.Email,
        Phone = person.Phone,
    };

    private static string CompanyKey(Guid id) => $"demo-company-{id:N}";
}
