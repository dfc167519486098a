using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using SalesBridge.CrmImport;
using SalesBridge.Web.Pages.Shared;
using SalesBridge.WriteBackReports;

namespace SalesBridge.Web.Pages.Admin.Crm;

/// <summary>
/// CRM Sync (SPEC S21, B7, B8): Sync now, the run in progress with its progress bar, the next scheduled run, the history with
/// a chart of the last runs. The progress bar's script polls <c>?handler=Status</c>; without script the page shows the state as loaded.
/// </summary>
public sealed class SyncModel(GetSyncStatus getStatus, ListSyncRuns listRuns, SyncNow syncNow, GetWriteBackStatus getWriteBack, ListWriteBackRuns listWriteBackRuns)
    : AdminPageModel
{
    public const int HistoryPageSize = 20;
    public const int WriteBackPasses = 10;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public SyncStatus Status { get; private set; } = null!;
    public SyncRunHistory History { get; private set; } = null!;

    /// <summary>Write-back (S15, B7): the contract's items by status and its last passes.</summary>
    public WriteBackOverview WriteBack { get; private set; } = null!;
    public SalesBridge.Paging.Page<WriteBackRunView> WriteBackRuns { get; private set; } = null!;

    public PagerModel Pager => PagerModel.For(History.Runs, Request);

    public Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken) => LoadAsync(cancellationToken, pageNumber);

    /// <summary>The status as JSON for the progress bar (same data as the API's GET status, on the page's sign-in).</summary>
    public async Task<IActionResult> OnGetStatusAsync(CancellationToken cancellationToken) =>
        new JsonResult(await getStatus.HandleAsync(Caller, cancellationToken), Json);

    public Task<IActionResult> OnPostSyncNowAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
            {
                await syncNow.HandleAsync(Caller, cancellationToken);
                TempData["Notice"] = "Sync started. Its progress is shown below.";
                return RedirectToPage();
            },
            reloadPage: () => LoadAsync(cancellationToken));

    private async Task LoadAsync(CancellationToken cancellationToken, int? pageNumber = null)
    {
        Status = await getStatus.HandleAsync(Caller, cancellationToken);
        // A page number past the end (or below 1) shows the first page rather than refusing the page.
        var page = pageNumber is > 0 and < 1_000_000 ? pageNumber : 1;
        History = await listRuns.HandleAsync(Caller, new ListSyncRuns.Request { Page = page, PageSize = HistoryPageSize }, cancellationToken);
        WriteBack = await getWriteBack.HandleAsync(Caller, cancellationToken);
        WriteBackRuns = await listWriteBackRuns.HandleAsync(Caller, new ListWriteBackRuns.Request { PageSize = WriteBackPasses }, cancellationToken);
    }
}
