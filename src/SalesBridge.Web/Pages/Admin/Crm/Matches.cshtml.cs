using Microsoft.AspNetCore.Mvc;
using SalesBridge.CrmMatches;
using SalesBridge.Web.Pages.Shared;

namespace SalesBridge.Web.Pages.Admin.Crm;

/// <summary>
/// Admin > CRM Sync > Matches (SPEC S11, B5): the review queue of every CRM contact and account with its match, filtered
/// and paged without a row cap, the totals per kind, a CSV of the same and Edit match per record.
/// </summary>
public sealed class MatchesModel(ListMatchReport list, ExportMatchReport export) : AdminPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public MatchReport? Report { get; private set; }

    public PagerModel Pager => PagerModel.For(Report!.Rows, Request);

    /// <summary>The CSV on the page's own sign-in (the API's copy needs a bearer token), with the filters shown.</summary>
    public string CsvUrl => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Admin/Crm/Matches",
        new Dictionary<string, string?> { ["handler"] = "Csv", ["state"] = State, ["kind"] = Kind }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public string ReturnUrl => Request.Path + Request.QueryString;

    public IActionResult OnGetCsv()
    {
        var write = export.Handle(Caller, new ExportMatchReport.Request { State = State, Kind = Kind });
        return new CsvDownload(write, "crm-matches.csv");
    }

    public Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber) =>
        RunAsync(async () =>
        {
            // A page number past the end (or below 1) shows the first page rather than refusing the page.
            var page = pageNumber is > 0 and < 1_000_000 ? pageNumber : 1;
            Report = await list.HandleAsync(Caller, new ListMatchReport.Request { State = State, Kind = Kind, Page = page, PageSize = PageSize }, HttpContext.RequestAborted);
            return Page();
        });
}
