using Microsoft.AspNetCore.Mvc;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.PeopleDirectory;

namespace SalesBridge.Web.Pages.Companies;

/// <summary>An account's page: the company, whether the seat holder saved it, its people and the notes.</summary>
public sealed class DetailsModel(GetCompany getCompany, SearchPeople searchPeople) : WorkspacePageModel
{
    public CompanyDetails Company { get; private set; } = null!;

    public Page<PersonSummary> People { get; private set; } = null!;

    public new Caller Caller => base.Caller;

    public string ReturnUrl => Request.Path.ToString();

    public string? Location => string.Join(", ", new[] { Company.City, Company.Country }.Where(part => !string.IsNullOrEmpty(part))) is { Length: > 0 } place ? place : null;

    /// <summary>The website as a link only when it is plainly a web address; directory data is not trusted as HTML or script.</summary>
    public string? WebsiteUrl => Company.Website is { } site
        && Uri.TryCreate(site.Contains("://", StringComparison.Ordinal) ? site : "https://" + site, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.ToString() : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Company = await getCompany.HandleAsync(Caller, id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        People = await searchPeople.HandleAsync(Caller, new SearchPeople.Request { CompanyId = id, PageSize = 20 }, cancellationToken);
        return Page();
    }
}
