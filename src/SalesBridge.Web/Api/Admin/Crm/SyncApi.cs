using SalesBridge.Access;
using SalesBridge.CrmImport;
using SalesBridge.Paging;

namespace SalesBridge.Web.Api.Admin.Crm;

/// <summary>
/// Admins: the contract's import runs (SPEC S21, B7, B8): start one now, follow its progress, read the history, the chart's
/// figures and each run's per-record errors. Every other caller gets 403; another contract's run is 404.
/// </summary>
internal static class SyncApi
{
    public const string Path = "/admin/crm/sync";

    public static void MapCrmSyncApi(this RouteGroupBuilder api)
    {
        var sync = api.MapGroup(Path).WithTags("Admin: CRM sync");

        sync.MapPost("/sync-now", async (Caller caller, SyncNow syncNow, CancellationToken cancellationToken) =>
            {
                var run = await syncNow.HandleAsync(caller, cancellationToken);
                return TypedResults.Accepted($"{ApiV1.BasePath}{Path}/runs/{run.Id}", run);
            })
            .WithSummary("Start a run now (202 with the run; follow it at Location). 409 with the reason when one is already running or the CRM is not connected.");
        sync.MapGet("/status", (Caller caller, GetSyncStatus get, CancellationToken cancellationToken) => get.HandleAsync(caller, cancellationToken))
            .WithSummary("The run in progress (with its progress), the last finished run, the next scheduled run and the last completed sync.")
            .Produces<SyncStatus>();
        sync.MapGet("/runs", (Caller caller, [AsParameters] ListSyncRuns.Request request, ListSyncRuns list, CancellationToken cancellationToken) =>
                list.HandleAsync(caller, request, cancellationToken))
            .WithSummary("The runs, newest first (paged), and the last 20 finished runs for a chart (oldest first).")
            .Produces<SyncRunHistory>();
        sync.MapGet("/runs/{runId:guid}", (Caller caller, Guid runId, GetSyncRun get, CancellationToken cancellationToken) =>
                get.HandleAsync(caller, runId, cancellationToken))
            .WithSummary("One run: status, phase and percent done while it runs; counts, CRM calls and the failure message.")
            .Produces<SyncRunSummary>();
        sync.MapGet("/runs/{runId:guid}/errors", (Caller caller, Guid runId, [AsParameters] ListSyncRunErrors.Request request, ListSyncRunErrors list,
                CancellationToken cancellationToken) => list.HandleAsync(caller, runId, request, cancellationToken))
            .WithSummary("The records the run could not import, with their CRM table, id and the reason; in the order they happened.")
            .Produces<Page<SyncRunErrorSummary>>();
    }
}
