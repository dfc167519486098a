using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Web.Hosting;

/// <summary>The services an operator verb needs (configuration, database, use cases) without the web server.</summary>
internal static class OperatorServices
{
    public static IHost Build(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddSalesBridgeDatabase(database);
        builder.Services.AddWorkspace();
        builder.Services.AddSingleton<DatabaseMigration>();
        return builder.Build();
    }
}
