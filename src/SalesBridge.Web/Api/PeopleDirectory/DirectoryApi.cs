using SalesBridge.Access;
using SalesBridge.PeopleDirectory;
using SalesBridge.Paging;

namespace SalesBridge.Web.Api.PeopleDirectory;

/// <summary>The contract's directory: search and read people and companies; admins load rows into it.</summary>
internal static class DirectoryApi
{
    public sealed record LoadRequest<TRow>(IReadOnlyList<TRow>? Rows);

    public static void MapDirectoryApi(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("Directory");
        people.MapGet("", (Caller caller, [AsParameters] SearchPeople.Request request, SearchPeople search, CancellationToken cancellationToken) =>
                search.HandleAsync(caller, request, cancellationToken))
            .WithSummary("Search the directory's people by any words of name, title, company, place or email.")
            .Produces<Page<PersonSummary>>();
        people.MapGet("/{personId:guid}", (Caller caller, Guid personId, GetPerson get, CancellationToken cancellationToken) =>
                get.HandleAsync(caller, personId, cancellationToken))
            .WithSummary("One person, and the caller's saved lead for them if any.");

        var companies = api.MapGroup("/companies").WithTags("Directory");
        companies.MapGet("", (Caller caller, [AsParameters] SearchCompanies.Request request, SearchCompanies search, CancellationToken cancellationToken) =>
                search.HandleAsync(caller, request, cancellationToken))
            .WithSummary("Search the directory's companies by any words of name, website, industry or place.")
            .Produces<Page<CompanySummary>>();
        companies.MapGet("/{companyId:guid}", (Caller caller, Guid companyId, GetCompany get, CancellationToken cancellationToken) =>
                get.HandleAsync(caller, companyId, cancellationToken))
            .WithSummary("One company, and the caller's saved account for it if any.");

        var load = api.MapGroup("/directory").WithTags("Directory");
        load.MapPost("/companies", (Caller caller, LoadRequest<CompanyRow> request, LoadDirectory directory, CancellationToken cancellationToken) =>
                directory.LoadCompaniesAsync(caller, request.Rows ?? [], cancellationToken))
            .WithSummary("Admins: add or update up to 1,000 directory companies, keyed by externalId.");
        load.MapPost("/people", (Caller caller, LoadRequest<PersonRow> request, LoadDirectory directory, CancellationToken cancellationToken) =>
                directory.LoadPeopleAsync(caller, request.Rows ?? [], cancellationToken))
            .WithSummary("Admins: add or update up to 1,000 directory people, keyed by externalId; companyExternalId ties them to a company.");
    }
}
