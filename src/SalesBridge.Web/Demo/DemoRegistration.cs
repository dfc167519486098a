using SalesBridge.CrmConnection;

namespace SalesBridge.Web.Demo;

internal static class DemoRegistration
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions();
        builder.Services.AddSingleton(options);
        if (options.Enabled)
        {
            builder.Services.AddScoped<DemoContractSeeder>();
            builder.Services.AddScoped<DemoInboxSeeder>();
            builder.Services.AddScoped<DemoSavedItemsSeeder>();
            builder.Services.AddSingleton<DemoEnvironment>();
            var emulatorUrl = new Uri(options.EmulatorUrl.TrimEnd('/') + "/");
            builder.Services.PostConfigure<CrmOptions>(crm => DemoCrmApplication.Configure(crm, emulatorUrl));
            // Registered after the migration, so the demo contract is written into a migrated database.
            builder.Services.AddHostedService(services => services.GetRequiredService<DemoEnvironment>());
        }

        return builder;
    }
}
