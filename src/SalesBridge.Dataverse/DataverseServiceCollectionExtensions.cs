using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SalesBridge.Dataverse.Authentication;
using SalesBridge.Dataverse.Http;

namespace SalesBridge.Dataverse;

/// <summary>Registers the Dataverse client and its HTTP pipeline (retries, authentication, pacing).</summary>
public static class DataverseServiceCollectionExtensions
{
    /// <summary>
    /// The HTTP pipeline and a <see cref="DataverseClientFactory"/> that makes a client per org, for hosts that
    /// talk to many orgs (one per customer).
    /// </summary>
    public static IHttpClientBuilder AddDataverseClientFactory(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<DataverseAuthenticationHandler>();
        services.TryAddTransient<DataverseAttemptHandler>();
        services.TryAddSingleton<DataverseClientFactory>();
        var builder = services.AddHttpClient(DataverseClientFactory.HttpClientName);
        builder.AddResilienceHandler("dataverse", DataverseResilience.Configure);
        builder.AddHttpMessageHandler<DataverseAuthenticationHandler>();
        builder.AddHttpMessageHandler<DataverseAttemptHandler>();
        return builder;
    }

    /// <summary>
    /// A <see cref="DataverseClient"/> for one org configured by <paramref name="configure"/>; the caller registers
    /// the <see cref="ITokenProvider"/> for it.
    /// </summary>
    public static IServiceCollection AddDataverseClient(this IServiceCollection services, Action<DataverseClientOptions> configure)
    {
        services.AddDataverseClientFactory();
        services.AddOptions<DataverseClientOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DataverseClientOptions>, DataverseClientOptionsValidator>());
        services.TryAddSingleton(provider => provider.GetRequiredService<DataverseClientFactory>().Create(
            provider.GetRequiredService<IOptions<DataverseClientOptions>>().Value, provider.GetRequiredService<ITokenProvider>()));
        return services;
    }
}
