using Microsoft.AspNetCore.Mvc;
using SalesBridge.CrmImport;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.Web.Pages.Shared;

namespace SalesBridge.Web.Pages.Admin.Crm;

/// <summary>One run (B8): its figures, why it failed, and the records it could not import.</summary>
public sealed class SyncRunModel(GetSyncRun getRun, ListSyncRunErrors listErrors) : AdminPageModel
{
    public SyncRunSummary Run { get; private set; } = null!;
    public Page<SyncRunErrorSummary> Errors { get; private set; } = null!;
    public PagerModel Pager => PagerModel.For(Errors, Request);

    public async Task<IActionResult> OnGetAsync(Guid runId, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        try
        {
            Run = await getRun.HandleAsync(Caller, runId, cancellationToken);
            var page = pageNumber is > 0 and < 1_000_000 ? pageNumber : 1;
            Errors = await listErrors.HandleAsync(Caller, runId, new ListSyncRunErrors.Request { Page = page, PageSize = 50 }, cancellationToken);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
