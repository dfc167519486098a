using Microsoft.AspNetCore.Mvc;
using SalesBridge.Alerts;

namespace SalesBridge.Web.Pages.Admin;

/// <summary>Where the alert banner's Dismiss button posts; it returns to the page the admin was on.</summary>
public sealed class AlertsModel(ResolveAdminAlert resolve) : AdminPageModel
{
    public IActionResult OnGet() => Redirect("/Admin");

    public Task<IActionResult> OnPostResolveAsync(Guid alertId, string? returnUrl, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            var alert = await resolve.HandleAsync(Caller, alertId, cancellationToken);
            TempData["Notice"] = $"The alert \"{alert.Title}\" was dismissed.";
            return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : Redirect("/Admin");
        });
}
