using SalesBridge.Access;
using SalesBridge.CrmSettings;
using SalesBridge.Paging;

namespace SalesBridge.Web.Api.Admin.Crm;

/// <summary>
/// Admins: the contract's CRM settings (SPEC S6–S8, S12, S13, S16) with the choices the connected org offers, their
/// change history, and the SalesBridge solution's install. A contract without a connected org gets 409.
/// </summary>
internal static class SettingsApi
{
    public static void MapCrmSettingsApi(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/admin/crm/settings").WithTags("Admin: CRM");

        settings.MapGet("", (Caller caller, GetCrmSettings get, CancellationToken cancellationToken) =>
                get.HandleAsync(caller, cancellationToken))
            .WithSummary("The settings, the org's stage and currency columns to choose from (null = Not Sure), and whether the SalesBridge solution is installed.")
            .Produces<CrmSettingsView>();
        settings.MapPut("", (Caller caller, UpdateCrmSettings.Request request, UpdateCrmSettings update, CancellationToken cancellationToken) =>
                update.HandleAsync(caller, request, cancellationToken))
            .WithSummary("Replace the settings; send the revision you read (409 when stale). Columns and options are checked against the org (400 naming the field).")
            .Produces<CrmSettingsView>();
        settings.MapGet("/changes", (Caller caller, [AsParameters] ListCrmSettingsChanges.Request request, ListCrmSettingsChanges list,
                CancellationToken cancellationToken) => list.HandleAsync(caller, request, cancellationToken))
            .WithSummary("Who changed which setting when, old and new value; newest first.")
            .Produces<Page<CrmSettingsChangeSummary>>();
        settings.MapPost("/solution", (Caller caller, InstallSalesBridgeSolution install, CancellationToken cancellationToken) =>
                install.HandleAsync(caller, cancellationToken))
            .WithSummary("Install (or complete) the SalesBridge solution and its InMail, message and note activity tables in the org; safe to repeat.")
            .Produces<SalesBridgeSolutionState>();
    }
}
