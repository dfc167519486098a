using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesBridge.Observability;

namespace SalesBridge.CrmImport;

public static class CrmImportServiceCollectionExtensions
{
    /// <summary>The import engine. The host adds an <see cref="IImportRunQueue"/> (its scheduler) and schedules runs.</summary>
    public static IServiceCollection AddCrmImport(this IServiceCollection services)
    {
        services.TryAddSingleton(NodeName.ThisProcess);
        services.TryAddScoped<StartSyncRun>();
        services.TryAddScoped<ImportRunner>();
        return services;
    }
}
