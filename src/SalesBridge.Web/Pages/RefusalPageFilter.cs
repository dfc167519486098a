using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using SalesBridge.Errors;

namespace SalesBridge.Web.Pages;

/// <summary>
/// A page action the workspace refused (no seat, not an admin, not found) answers with its status, and the error
/// page, re-executed for that status, shows the refusal's own reason.
/// </summary>
internal sealed class RefusalPageFilter : IAsyncPageFilter
{
    public static RequestRefusedException? RefusalOf(HttpContext context) => context.Items[typeof(RefusalPageFilter)] as RequestRefusedException;

    /// <summary>Answers with the refusal's status and keeps it for the error page.</summary>
    public static IActionResult Refuse(HttpContext context, RequestRefusedException refused)
    {
        context.Items[typeof(RefusalPageFilter)] = refused;
        return new StatusCodeResult(refused.StatusCode);
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is RequestRefusedException refused && !executed.ExceptionHandled)
        {
            executed.Result = Refuse(context.HttpContext, refused);
            executed.ExceptionHandled = true;
        }
    }
}
