using SalesBridge.Access;
using SalesBridge.Alerts;
using SalesBridge.CrmHealth;

namespace SalesBridge.Web.Api.Admin.Crm;

/// <summary>Admins: the contract's open alerts and the CRM connection's health check. Every other caller gets 403.</summary>
internal static class HealthApi
{
    public static void MapCrmHealthApi(this RouteGroupBuilder api)
    {
        var alerts = api.MapGroup("/admin/alerts").WithTags("Admin: alerts");
        alerts.MapGet("", (Caller caller, ListAdminAlerts list, CancellationToken cancellationToken) =>
                list.HandleAsync(caller, cancellationToken))
            .WithSummary("The contract's open alerts, newest first (e.g. a failing CRM connection, paused sync).");
        alerts.MapPost("/{alertId:guid}/resolve", (Caller caller, Guid alertId, ResolveAdminAlert resolve, CancellationToken cancellationToken) =>
                resolve.HandleAsync(caller, alertId, cancellationToken))
            .WithSummary("Dismiss an alert (safe to repeat). The connection's status is not changed by this.");

        api.MapPost("/admin/crm/connection/check", (Caller caller, CheckConnectionHealth check, CancellationToken cancellationToken) =>
                check.HandleAsync(caller, cancellationToken))
            .WithTags("Admin: CRM")
            .WithSummary("Check the CRM connection now: its status, and for a failure the message and causes (409 when not connected).");
    }
}
