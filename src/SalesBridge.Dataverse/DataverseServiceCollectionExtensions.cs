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
        AddHandlers(services);
        services.TryAddSingleton<DataverseClientFactory>();
        return AddPipeline(services.AddHttpClient(DataverseClientFactory.HttpClientName));
    }

    /// <summary>
    /// <see cref="DataverseClient"/> as a typed HTTP client for the one org configured by <paramref name="configure"/>;
    /// the caller registers the <see cref="ITokenProvider"/> for it. Options are validated at start.
    /// </summary>
    public static IHttpClientBuilder AddDataverseClient(this IServiceCollection services, Action<DataverseClientOptions> configure)
    {
        AddHandlers(services);
        services.AddOptions<DataverseClientOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DataverseClientOptions>, DataverseClientOptionsValidator>());
        // One connection for the app's lifetime, so call counts and pacing outlive the transient typed clients.
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DataverseClientOptions>>().Value;
            return new DataverseConnection(options, provider.GetRequiredService<ITokenProvider>(), provider.GetRequiredService<TimeProvider>(),
                new OrgPacing(options.MaxDegreeOfParallelism, options.RequestBudget is { } budget ? new OrgRequestBudget(budget, options.RequestBudgetWindow) : null));
        });
        var builder = services.AddHttpClient(nameof(DataverseClient))
            .AddTypedClient((http, provider) => new DataverseClient(http, provider.GetRequiredService<DataverseConnection>()));
        return AddPipeline(builder);
    }

    private static void AddHandlers(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<DataverseAuthenticationHandler>();
        services.TryAddTransient<DataverseAttemptHandler>();
        services.TryAddTransient<DataverseBudgetHandler>();
    }

    /// <summary>Outermost first: the org's request budget, retries (and per-attempt timeouts), the bearer token, then pacing and counting.</summary>
    private static IHttpClientBuilder AddPipeline(IHttpClientBuilder builder)
    {
        // No overall timeout: HttpClient's default (100 s) would also cut the wait for the org's request budget (up to the
        // budget's 5-minute window) and the Retry-After waits between attempts, turning pacing into "no response". Each
        // attempt has its own timeout (AttemptTimeout); the waits are bounded by the window and the retry limit.
        builder.ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddHttpMessageHandler<DataverseBudgetHandler>();
        builder.AddResilienceHandler("dataverse", DataverseResilience.Configure);
        builder.AddHttpMessageHandler<DataverseAuthenticationHandler>();
        builder.AddHttpMessageHandler<DataverseAttemptHandler>();
        return builder;
    }
}
