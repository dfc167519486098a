using Microsoft.AspNetCore.Mvc;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.PeopleDirectory;

namespace SalesBridge.Web.Pages.Companies;

/// <summary>Search the contract's directory for companies; save any of them as an account.</summary>
public sealed class IndexModel(SearchCompanies search) : WorkspacePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public Page<CompanySummary> Results { get; private set; } = new([], 1, PageRequest.DefaultPageSize, 0);

    public string? QueryError { get; private set; }

    public string ReturnUrl => Request.Path + Request.QueryString;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Caller.RequireSeat();
        try
        {
            Results = await search.HandleAsync(Caller, new SearchCompanies.Request { Query = Query, Page = PageNumber }, cancellationToken);
        }
        catch (RequestValidationException invalid)
        {
            QueryError = invalid.Message;
        }
    }
}
