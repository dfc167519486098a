using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using SalesBridge.Persistence;
using SalesBridge.UseCases;
using SalesBridge.Web.Api;
using SalesBridge.Web.Crm;
using SalesBridge.Web.Demo;
using SalesBridge.Web.Identity;
using SalesBridge.Web.Observability;

namespace SalesBridge.Web.Hosting;

internal static class ServiceRegistration
{
    public static WebApplicationBuilder AddSalesBridge(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var node = builder.Configuration.GetSection(NodeOptions.SectionName).Get<NodeOptions>() ?? new NodeOptions();
        builder.Services.AddSingleton(node);
        builder.Services.AddSingleton(SalesBridge.Observability.NodeName.Of(node.Name));
        builder.Services.AddSalesBridgeDatabase(database);
        builder.Services.AddWorkspace();
        builder.Services.AddSingleton<DatabaseMigration>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DatabaseMigration>());

        // The keys encrypt CRM secrets, cookies and bearer tokens, so every node must hold the same ones and they must survive
        // restarts: in the shared database on PostgreSQL (any node can read what another encrypted), beside the SQLite file
        // on a single machine.
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("SalesBridge");
        if (database.Provider == DatabaseProvider.PostgreSql) dataProtection.PersistKeysToDbContext<SalesBridgeDbContext>();
        else dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(database.DataDirectory, "keys")));
        var keyProtection = builder.Configuration.GetSection(KeyProtectionOptions.SectionName).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        if (keyProtection.LoadCertificate() is { } keyCertificate)
        {
            dataProtection.ProtectKeysWithCertificate(keyCertificate);
        }

        builder.AddWorkspaceIdentity();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<RefusedRequestHandler>();
        builder.Services.AddApiV1();
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/");
            pages.Conventions.AllowAnonymousToPage("/SignIn");
            pages.Conventions.AllowAnonymousToPage("/Error");
        }).AddMvcOptions(mvc => mvc.Filters.Add<Pages.RefusalPageFilter>());
        builder.AddScheduler(database, node);
        builder.AddCrm();
        builder.AddDemo();
        builder.AddObservability();
        return builder;
    }
}
