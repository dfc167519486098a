using Microsoft.AspNetCore.Builder;

namespace SalesBridge.Web.Hosting;

/// <summary>Builds the SalesBridge web application; the <c>serve</c> verb runs it, tests start it on a free port.</summary>
public static class SalesBridgeWebApp
{
    /// <param name="args">Host configuration as command-line pairs (<c>--Database:Provider PostgreSql</c>).</param>
    /// <param name="configure">Last changes to the services before the app is built (tests swap the clock).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings and wwwroot are read from beside the binaries, so the app runs the same from any working folder.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Pages are found in the application's assembly; tests and benchmarks start the app from their own.
            ApplicationName = typeof(SalesBridgeWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.AddSalesBridge();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseSalesBridge();
        return app;
    }
}
