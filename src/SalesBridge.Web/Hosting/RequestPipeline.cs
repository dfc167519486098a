using SalesBridge.Errors;
using SalesBridge.Web.Api;
using SalesBridge.Web.Identity;

namespace SalesBridge.Web.Hosting;

internal static class RequestPipeline
{
    public static WebApplication UseSalesBridge(this WebApplication app)
    {
        // API requests get ProblemDetails from RefusedRequestHandler; pages show the error page with the status the
        // refusal carries (404, 403 ...), anything unexpected as 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            StatusCodeSelector = exception => exception is RequestRefusedException refused ? refused.StatusCode : StatusCodes.Status500InternalServerError,
        });
        // API paths answer errors with ProblemDetails; page paths show the error page.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments(ApiV1.BasePath),
            pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.UseWhen(context => context.Request.Path.StartsWithSegments(ApiV1.BasePath),
            api => api.UseStatusCodePages());
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CallerResolution>();
        app.MapRazorPages();
        app.MapApiV1();
        return app;
    }
}
