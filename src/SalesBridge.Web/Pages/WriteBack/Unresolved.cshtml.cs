using Microsoft.AspNetCore.Mvc;
using SalesBridge.Web.Pages.Shared;
using SalesBridge.WriteBackReports;

namespace SalesBridge.Web.Pages.WriteBack;

/// <summary>The seat holder's unresolved task report (S15): their open activities in the CRM, by person.</summary>
public sealed class UnresolvedModel(ListMyUnresolved list) : WorkspacePageModel
{
    public const int PageSize = 50;

    public UnresolvedTable? Table { get; private set; }

    public Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber) => RunAsync(async () =>
    {
        // A page number past the end (or below 1) shows the first page rather than refusing the page.
        var page = pageNumber is > 0 and < 1_000_000 ? pageNumber : 1;
        var rows = await list.HandleAsync(Caller, new ListMyUnresolved.Request { Page = page, PageSize = PageSize }, HttpContext.RequestAborted);
        Table = new UnresolvedTable(rows, PagerModel.For(rows, Request), ForAdmin: false);
        return Page();
    });
}
