using Microsoft.AspNetCore.Mvc;
using SalesBridge.Errors;

namespace SalesBridge.Web.Pages.Lists;

/// <summary>
/// Base of the leads, accounts and lists pages. Refusals while loading (no seat, a list that is not yours) reach
/// <see cref="RefusalPageFilter"/> and show the error page; a bad search only shows its message above the results.
/// </summary>
public abstract class SeatHolderPageModel : WorkspacePageModel
{
    /// <summary>Why the search or filter could not be used, when it could not.</summary>
    public string? LoadError { get; private set; }

    /// <summary>Where row actions come back to: this page with its filters and page number.</summary>
    public string CurrentUrl => Request.Path + Request.QueryString;

    /// <summary>The "page" query value, read directly: Razor Pages keep the route value "page" for the page's own path.</summary>
    protected int? RequestedPageNumber => int.TryParse(Request.Query["page"], out var number) ? number : null;

    protected IActionResult RedirectBack(string? returnUrl, string fallback) =>
        LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : fallback);

    protected async Task LoadOrExplainAsync(Func<Task> load)
    {
        Caller.RequireSeat();
        try
        {
            await load();
        }
        catch (RequestValidationException invalid)
        {
            LoadError = invalid.Message;
        }
    }
}
