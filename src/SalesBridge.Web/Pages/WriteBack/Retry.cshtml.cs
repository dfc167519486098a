using Microsoft.AspNetCore.Mvc;
using SalesBridge.WriteBackReports;

namespace SalesBridge.Web.Pages.WriteBack;

/// <summary>
/// Where an item's Retry button posts (notes panel, thread page): the item is queued again and the caller goes back to
/// where they were. A refusal (already in the CRM or queued) is shown here with a way back.
/// </summary>
public sealed class RetryModel(RetryWriteBackItem retry) : WorkspacePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string BackUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public IActionResult OnGet() => LocalRedirect(BackUrl);

    public Task<IActionResult> OnPostAsync(Guid itemId, CancellationToken cancellationToken) => RunAsync(async () =>
    {
        await retry.HandleAsync(Caller, itemId, cancellationToken);
        TempData["Notice"] = "Queued for the CRM again.";
        return LocalRedirect(BackUrl);
    });
}
