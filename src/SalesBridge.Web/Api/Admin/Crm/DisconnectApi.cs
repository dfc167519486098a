using SalesBridge.Access;
using SalesBridge.CrmDisconnect;
using SalesBridge.Paging;

namespace SalesBridge.Web.Api.Admin.Crm;

/// <summary>Admins: disconnect the CRM (SPEC S5) and the audit of past disconnects. Every other caller gets 403.</summary>
internal static class DisconnectApi
{
    public static void MapCrmDisconnectApi(this RouteGroupBuilder api)
    {
        var crm = api.MapGroup("/admin/crm").WithTags("Admin: CRM");
        crm.MapPost("/disconnect", (Caller caller, DisconnectCrm.Request request, DisconnectCrm disconnect, CancellationToken cancellationToken) =>
                disconnect.HandleAsync(caller, request, cancellationToken))
            .WithSummary("Disconnect the CRM; cleanUp true removes every lead, account and list entry the sync created (409 when not connected).");
        crm.MapGet("/disconnects", (Caller caller, [AsParameters] ListDisconnectRecords.Request request, ListDisconnectRecords list, CancellationToken cancellationToken) =>
                list.HandleAsync(caller, request, cancellationToken))
            .WithSummary("Past disconnects, newest first, with what each clean-up removed.")
            .Produces<Page<DisconnectRecordSummary>>();
    }
}
