using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesBridge.Alerts;

namespace SalesBridge.CrmHealth;

public static class CrmHealthServiceCollectionExtensions
{
    /// <summary>The health monitor and the alert notifier (logging only until SalesBridge sends mail). The host schedules the job.</summary>
    public static IServiceCollection AddCrmHealth(this IServiceCollection services)
    {
        services.TryAddSingleton<IAdminAlertNotifier, LoggingAdminAlertNotifier>();
        services.TryAddSingleton<ConnectionHealthMonitor>();
        services.TryAddTransient<ConnectionHealthJob>();
        return services;
    }
}
