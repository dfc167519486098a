using Microsoft.AspNetCore.Mvc;
using SalesBridge.CrmDisconnect;
using SalesBridge.Paging;
using SalesBridge.Web.Pages.Shared;

namespace SalesBridge.Web.Pages.Admin.Crm;

/// <summary>
/// <i>Disconnect your CRM Sync</i> (SPEC S5): the choice to clean up the imported CRM data, a confirmation step that
/// says what will happen, then the result and the audit of past disconnects.
/// </summary>
public sealed class DisconnectModel(GetDisconnectOverview getOverview, DisconnectCrm disconnect, ListDisconnectRecords listRecords) : AdminPageModel
{
    [BindProperty]
    public bool CleanUp { get; set; }

    /// <summary>The admin asked to disconnect; the page now asks to confirm.</summary>
    public bool Confirming { get; private set; }

    public DisconnectOverview Overview { get; private set; } = null!;

    public Page<DisconnectRecordSummary> Records { get; private set; } = null!;

    public PagerModel Pager => PagerModel.For(Records, Request);

    public Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await LoadAsync(pageNumber, cancellationToken);
            return Page();
        });

    public Task<IActionResult> OnPostReviewAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await LoadAsync(null, cancellationToken);
            Confirming = Overview.CanDisconnect;
            return Page();
        });

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
            {
                var result = await disconnect.HandleAsync(Caller, new DisconnectCrm.Request { CleanUp = CleanUp }, cancellationToken);
                var record = result.Record;
                TempData["Notice"] = record.CleanedUp
                    ? $"Disconnected from {record.OrganizationUrl}. Removed {Counted.Of(record.RemovedLeads, "lead")}, {Counted.Of(record.RemovedAccounts, "account")} and {Counted.Of(record.RemovedListEntries, "list entry", "list entries")} that the sync created."
                    : $"Disconnected from {record.OrganizationUrl}. The imported CRM data was kept ({Counted.Of(result.KeptLeads, "lead")}, {Counted.Of(result.KeptAccounts, "account")}) and is no longer synced.";
                return RedirectToPage();
            },
            reloadPage: () => LoadAsync(null, cancellationToken));

    private async Task LoadAsync(int? pageNumber, CancellationToken cancellationToken)
    {
        Overview = await getOverview.HandleAsync(Caller, cancellationToken);
        Records = await listRecords.HandleAsync(Caller, new ListDisconnectRecords.Request { Page = pageNumber, PageSize = 10 }, cancellationToken);
    }
}
