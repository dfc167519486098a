using Microsoft.AspNetCore.Mvc;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.PeopleDirectory;

namespace SalesBridge.Web.Pages.People;

/// <summary>Search the contract's directory for people; save any of them as a lead.</summary>
public sealed class IndexModel(SearchPeople search) : WorkspacePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public Page<PersonSummary> Results { get; private set; } = new([], 1, PageRequest.DefaultPageSize, 0);

    public string? QueryError { get; private set; }

    public string ReturnUrl => Request.Path + Request.QueryString;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Caller.RequireSeat();
        try
        {
            Results = await search.HandleAsync(Caller, new SearchPeople.Request { Query = Query, Page = PageNumber }, cancellationToken);
        }
        catch (RequestValidationException invalid)
        {
            QueryError = invalid.Message;
        }
    }

    public string Place(string? city, string? country) => string.Join(", ", new[] { city, country }.Where(part => !string.IsNullOrEmpty(part)));
}
