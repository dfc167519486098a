using SalesBridge.CrmConnection;
using SalesBridge.Web.WriteBack;

namespace SalesBridge.Web.Crm;

internal static class CrmRegistration
{
    /// <summary>The CRM connection services with options from the <c>Crm</c> configuration section.</summary>
    public static WebApplicationBuilder AddCrm(this WebApplicationBuilder builder)
    {
        builder.Services.AddCrmConnections();
        // Pending admin sign-ins (StartAdminSignIn) wait here for Entra's redirect; a cluster registers a shared cache instead.
        builder.Services.AddDistributedMemoryCache();
        builder.Services.Configure<CrmOptions>(builder.Configuration.GetSection(CrmOptions.SectionName));
        builder.AddCrmHealth();
        builder.AddCrmImportRuns();
        builder.AddWriteBack();
        return builder;
    }
}
