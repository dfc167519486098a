using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesBridge.Dataverse;

namespace SalesBridge.CrmConnection;

public static class CrmConnectionServiceCollectionExtensions
{
    /// <summary><see cref="ConnectionCheck"/> with the Dataverse client pipeline and the token-less reachability probe.</summary>
    public static IServiceCollection AddCrmConnectionCheck(this IServiceCollection services, Action<ConnectionCheckOptions>? configure = null)
    {
        services.AddDataverseClientFactory();
        services.AddHttpClient(ReachabilityProbe.HttpClientName);
        services.AddOptions<ConnectionCheckOptions>().Configure(configure ?? (_ => { })).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ReachabilityProbe>();
        services.TryAddSingleton<ConnectionCheck>();
        return services;
    }
}
