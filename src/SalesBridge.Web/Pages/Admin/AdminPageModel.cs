using SalesBridge.Errors;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SalesBridge.Web.Pages.Admin;

/// <summary>
/// Base of the pages under /Admin: callers without the contract's admin right get 403 (the error page, with the reason) before
/// any handler runs. The use cases check again; this keeps a non-admin from seeing even an empty form.
/// </summary>
public abstract class AdminPageModel : WorkspacePageModel
{
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!Caller.IsContractAdmin)
        {
            // Refused like any page action, so the error page says which right is missing.
            context.Result = RefusalPageFilter.Refuse(HttpContext, new AccessDeniedException("Only an admin of the contract can open the Admin pages."));
        }
    }
}
