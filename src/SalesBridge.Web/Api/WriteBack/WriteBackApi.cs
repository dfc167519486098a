using SalesBridge.Access;
using SalesBridge.Paging;
using SalesBridge.WriteBackReports;

namespace SalesBridge.Web.Api.WriteBack;

/// <summary>
/// Write-back as seat holders and admins follow it (SPEC S14, S15, B7): one item's state and Retry, the unresolved task
/// report (own, or the contract's as CSV too), and for admins the write-back passes and counts by status. Seat holders reach
/// only their own items; another contract's or seat holder's item answers 404; a seat holder on the admin routes 403.
/// </summary>
internal static class WriteBackApi
{
    public const string AdminPath = "/admin/write-back";

    public static void MapWriteBackApi(this RouteGroupBuilder api)
    {
        var own = api.MapGroup("/write-back").WithTags("Write-back");
        own.MapGet("/items/{itemId:guid}", (Caller caller, Guid itemId, GetWriteBackItem get, CancellationToken cancellationToken) =>
                get.HandleAsync(caller, itemId, cancellationToken))
            .WithSummary("Where one of the caller's notes, InMails or messages stands with the CRM (itemId = the note's or message's id): "
                + "Queued, Written (in the CRM, with the activity's link), Unresolved (open activity, person not in the CRM), Waiting, Skipped or Failed (with the reason).")
            .Produces<WriteBackItemDetails>();
        own.MapPost("/items/{itemId:guid}/retry", (Caller caller, Guid itemId, RetryWriteBackItem retry, CancellationToken cancellationToken) =>
                retry.HandleAsync(caller, itemId, cancellationToken))
            .WithSummary("Retry a failed, skipped or waiting item: it is queued again at once. 409 when it is already in the CRM or queued.")
            .Produces<WriteBackItemDetails>().ProducesProblem(StatusCodes.Status409Conflict);
        own.MapGet("/unresolved", (Caller caller, [AsParameters] ListMyUnresolved.Request request, ListMyUnresolved list, CancellationToken cancellationToken) =>
                list.HandleAsync(caller, request, cancellationToken))
            .WithSummary("The caller's unresolved task report: open activities in the CRM by person (no CRM record yet), oldest first, paged.")
            .Produces<Page<UnresolvedRow>>();

        var admin = api.MapGroup(AdminPath).WithTags("Admin: write-back");
        admin.MapGet("/unresolved", (Caller caller, [AsParameters] ListUnresolved.Request request, ListUnresolved list, CancellationToken cancellationToken) =>
                list.HandleAsync(caller, request, cancellationToken))
            .WithSummary("The contract's unresolved task report by person, oldest first, paged; seatHolderId narrows it to one seat holder.")
            .Produces<Page<UnresolvedRow>>();
        admin.MapGet("/runs", (Caller caller, [AsParameters] ListWriteBackRuns.Request request, ListWriteBackRuns list, CancellationToken cancellationToken) =>
                list.HandleAsync(caller, request, cancellationToken))
            .WithSummary("The write-back passes, newest first: completed, open, re-linked, retried, failed, held and CRM requests per pass.")
            .Produces<Page<WriteBackRunView>>();
        admin.MapGet("/status", (Caller caller, GetWriteBackStatus get, CancellationToken cancellationToken) =>
                get.HandleAsync(caller, cancellationToken))
            .WithSummary("The contract's items by write-back status, how many are still to be written, and the last pass.")
            .Produces<WriteBackOverview>();
        admin.MapGet("/unresolved.csv", async (Caller caller, [AsParameters] ExportUnresolved.Request request, ExportUnresolved export, HttpContext http) =>
            {
                var write = await export.HandleAsync(caller, request, http.RequestAborted);
                return Results.Stream(stream => write(stream, http.RequestAborted), "text/csv; charset=utf-8", "unresolved-activities.csv");
            })
            .WithSummary("The contract's unresolved task report as CSV, every row (no cap), streamed; same filter.");
    }
}
