using SalesBridge.Access;
using SalesBridge.CrmImport.Preview;

namespace SalesBridge.Web.Api.Admin.Crm;

/// <summary>
/// Admins: the import's dry run (SPEC B4). GET because it changes nothing and may be repeated at will; it is not cheap
/// (it reads the CRM live), which its summary says so clients do not poll it.
/// </summary>
internal static class SyncPreviewApi
{
    public static void MapCrmSyncPreviewApi(this RouteGroupBuilder api)
    {
        api.MapGet($"{SyncApi.Path}/preview", (Caller caller, [AsParameters] PreviewImport.Request request, PreviewImport preview,
                CancellationToken cancellationToken) => preview.HandleAsync(caller, request, cancellationToken))
            .WithTags("Admin: CRM sync")
            .WithSummary("Preview: per seat, what a run would import now (opportunities, accounts and contacts, matched or not, would add/remove), "
                + "changing nothing. Reads the CRM live with ordinary queries, so it is not cheap: seconds to minutes and CRM requests on a large org "
                + "(the count is in crmRequests); do not poll it. itemsPerSeat (0-1000, default 200) limits the items listed per seat; totals count all. "
                + "409 when not connected or sync is paused; 502 with the CRM's message when the CRM refuses or fails a read.")
            .Produces<ImportPreview>();
    }
}
