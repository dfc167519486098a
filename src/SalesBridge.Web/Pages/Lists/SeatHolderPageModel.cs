using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using SalesBridge.Errors;

namespace SalesBridge.Web.Pages.Lists;

/// <summary>
/// Base of the pages only seat holders use (leads, accounts, lists): a caller without a seat gets the "Not allowed"
/// page before any handler runs, and refusals while loading show as the page's error instead of failing the request.
/// </summary>
public abstract class SeatHolderPageModel : WorkspacePageModel
{
    /// <summary>Why the page could not be loaded, when it could not.</summary>
    public string? LoadError { get; private set; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!Caller.HasSeat)
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>Where row actions come back to: this page with its filters and page number.</summary>
    public string CurrentUrl => Request.Path + Request.QueryString;

    /// <summary>The "page" query value; Razor Pages keep the route value "page" for the page's own path.</summary>
    protected int? RequestedPageNumber => int.TryParse(Request.Query["page"], out var number) ? number : null;

    protected IActionResult RedirectBack(string? returnUrl, string fallback) =>
        LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : fallback);

    /// <summary>Loads what the page shows; a refusal (e.g. a bad filter) becomes <see cref="LoadError"/>.</summary>
    protected async Task LoadSafelyAsync(Func<Task> load)
    {
        try
        {
            await load();
        }
        catch (RequestRefusedException refused)
        {
            LoadError = refused.Message;
        }
    }
}
