using SalesBridge.Web.Api;
using SalesBridge.Web.Identity;

namespace SalesBridge.Web.Hosting;

internal static class RequestPipeline
{
    public static WebApplication UseSalesBridge(this WebApplication app)
    {
        app.UseExceptionHandler();
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
