using Microsoft.AspNetCore.Mvc;
using SalesBridge.Access;
using SalesBridge.Alerts;

namespace SalesBridge.Web.Pages.Shared.Components.AdminAlerts;

/// <summary>What the alert banner shows: the open alerts and where the dismiss form comes back to.</summary>
public sealed record AdminAlertsModel(IReadOnlyList<AdminAlertSummary> Alerts, string ReturnUrl);

/// <summary>
/// The banner of open admin alerts (B8) at the top of every Admin page, rendered by the layout for admins:
/// <c>Component.InvokeAsync("AdminAlerts")</c>. Dismissing posts to <c>/Admin/Alerts</c>, which comes back here.
/// </summary>
public sealed class AdminAlertsViewComponent(ListAdminAlerts list, Caller caller) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!caller.IsContractAdmin) return Content("");
        var alerts = await list.HandleAsync(caller, HttpContext.RequestAborted);
        return alerts.Count == 0 ? Content("") : View(new AdminAlertsModel(alerts, $"{Request.PathBase}{Request.Path}{Request.QueryString}"));
    }
}
