using Microsoft.AspNetCore.Mvc.Filters;

namespace SalesBridge.Web.Pages.Admin;

/// <summary>
/// Base of the pages under /Admin: callers without the contract's admin right get 403 (the error page) before
/// any handler runs. The use cases check again; this keeps a non-admin from seeing even an empty form.
/// </summary>
public abstract class AdminPageModel : WorkspacePageModel
{
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!Caller.IsContractAdmin)
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
        }
    }
}
