using SalesBridge.Web.Api;
using SalesBridge.Web.Identity;
using SalesBridge.Web.Observability;

namespace SalesBridge.Web.Hosting;

internal static class RequestPipeline
{
    public static WebApplication UseSalesBridge(this WebApplication app)
    {
        // API paths answer every error with ProblemDetails (RefusedRequestHandler for refusals); page paths show the
        // error page: refusals of page actions are turned into their status by RefusalPageFilter.
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), pages => pages.UseExceptionHandler("/Error").UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CallerResolution>();
        app.MapObservability();
        // A worker node answers only health and metrics: its work is the scheduler's.
        if (app.Services.GetRequiredService<NodeOptions>().ServesWeb)
        {
            app.MapRazorPages();
            app.MapApiV1();
        }
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(ApiV1.BasePath);
}
