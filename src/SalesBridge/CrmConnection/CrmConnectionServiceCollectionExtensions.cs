using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesBridge.Dataverse;
using SalesBridge.Dataverse.Authentication;

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

    /// <summary>
    /// Stored connections: the checks, options (section <see cref="CrmOptions.SectionName"/>, bound by the host),
    /// secret protection, token providers and <see cref="OrgClients"/>, with every CRM HTTP client trusting
    /// <see cref="ServerCertificatePins"/> besides the system's roots.
    /// </summary>
    public static IServiceCollection AddCrmConnections(this IServiceCollection services)
    {
        services.AddCrmConnectionCheck();
        services.AddOptions<CrmOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddIdentityHttpClient();
        services.TryAddSingleton<ServerCertificatePins>();
        services.TryAddSingleton<CrmSecretProtector>();
        services.TryAddSingleton<OrgTokenProviders>();
        services.TryAddScoped<OrgClients>();
        foreach (var name in new[] { DataverseClientFactory.HttpClientName, TokenProviderServiceCollectionExtensions.IdentityHttpClientName, ReachabilityProbe.HttpClientName })
        {
            services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var pins = provider.GetRequiredService<ServerCertificatePins>();
                return new SocketsHttpHandler
                {
                    SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, errors) => pins.Accepts(certificate, errors) },
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                };
            });
        }
        return services;
    }
}
