using Microsoft.AspNetCore.Mvc;
using SalesBridge.Contracts;
using SalesBridge.Paging;
using SalesBridge.Web.Pages.Shared;
using SalesBridge.Web.Pages.WriteBack;
using SalesBridge.WriteBackReports;

namespace SalesBridge.Web.Pages.Admin.Crm;

/// <summary>
/// Admin > CRM Sync > Unresolved (S15): the contract's open activities by person, filtered by seat holder, paged without a
/// cap, and all of it as CSV.
/// </summary>
public sealed class UnresolvedModel(ListUnresolved list, ExportUnresolved export, ListSeats seats) : AdminPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public Guid? SeatHolderId { get; set; }

    public UnresolvedTable? Table { get; private set; }

    public IReadOnlyList<SeatSummary> SeatHolders { get; private set; } = [];

    /// <summary>The CSV on the page's own sign-in (the API's copy needs a bearer token), with the filter shown.</summary>
    public string CsvUrl => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Admin/Crm/Unresolved",
        new Dictionary<string, string?> { ["handler"] = "Csv", ["seatHolderId"] = SeatHolderId?.ToString() }.Where(p => p.Value is not null));

    public Task<IActionResult> OnGetCsvAsync() => RunAsync(async () =>
    {
        var write = await export.HandleAsync(Caller, new ExportUnresolved.Request { SeatHolderId = SeatHolderId }, HttpContext.RequestAborted);
        return new CsvDownload(write, "unresolved-activities.csv");
    }, reloadPage: () => LoadAsync(1));

    public Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber) => RunAsync(async () =>
    {
        await LoadAsync(pageNumber);
        return Page();
    }, reloadPage: async () =>
    {
        // A refused filter (a user not of this contract) shows the whole report with the reason.
        SeatHolderId = null;
        await LoadAsync(1);
    });

    private async Task LoadAsync(int? pageNumber)
    {
        // A page number past the end (or below 1) shows the first page rather than refusing the page.
        var page = pageNumber is > 0 and < 1_000_000 ? pageNumber : 1;
        SeatHolders = (await seats.HandleAsync(Caller, new ListSeats.Request { PageSize = PageRequest.MaxPageSize }, HttpContext.RequestAborted)).Items;
        var rows = await list.HandleAsync(Caller, new ListUnresolved.Request { SeatHolderId = SeatHolderId, Page = page, PageSize = PageSize }, HttpContext.RequestAborted);
        Table = new UnresolvedTable(rows, PagerModel.For(rows, Request), ForAdmin: true);
    }
}
