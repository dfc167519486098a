using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SalesBridge.Dataverse.Authentication;

/// <summary>Registers token providers that get Dataverse tokens from Entra ID.</summary>
public static class TokenProviderServiceCollectionExtensions
{
    /// <summary>The HTTP client MSAL calls Entra ID with; configure its primary handler for proxies or pinning.</summary>
    public const string IdentityHttpClientName = "SalesBridge.Dataverse.Identity";

    /// <summary>
    /// A <see cref="ClientCredentialsTokenProvider"/> as the <see cref="ITokenProvider"/> (for
    /// <see cref="DataverseServiceCollectionExtensions.AddDataverseClient"/>), with options validated on start.
    /// Returns the builder of the HTTP client MSAL uses.
    /// </summary>
    public static IHttpClientBuilder AddClientCredentialsTokenProvider(this IServiceCollection services, Action<ClientCredentialsTokenProviderOptions> configure)
    {
        services.AddOptions<ClientCredentialsTokenProviderOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClientCredentialsTokenProviderOptions>,
            EntraApplicationOptionsValidator<ClientCredentialsTokenProviderOptions>>());
        services.TryAddSingleton<ClientCredentialsTokenProvider>(provider => new(
            provider.GetRequiredService<IOptions<ClientCredentialsTokenProviderOptions>>().Value, provider.GetRequiredService<MsalHttpClients>()));
        services.TryAddSingleton<ITokenProvider>(provider => provider.GetRequiredService<ClientCredentialsTokenProvider>());
        return services.AddIdentityHttpClient();
    }

    /// <summary>
    /// An <see cref="AuthorizationCodeTokenProviderFactory"/> for the app registration configured by
    /// <paramref name="configure"/> (options validated on start): the host makes one provider per signed-in
    /// connection. Returns the builder of the HTTP client MSAL uses.
    /// </summary>
    public static IHttpClientBuilder AddAuthorizationCodeTokenProviders(this IServiceCollection services, Action<AuthorizationCodeTokenProviderOptions> configure)
    {
        services.AddOptions<AuthorizationCodeTokenProviderOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthorizationCodeTokenProviderOptions>,
            EntraApplicationOptionsValidator<AuthorizationCodeTokenProviderOptions>>());
        services.TryAddSingleton<AuthorizationCodeTokenProviderFactory>();
        return services.AddIdentityHttpClient();
    }

    /// <summary>
    /// The HTTP client MSAL calls Entra ID with and <see cref="MsalHttpClients"/> over it, for hosts that create
    /// token providers themselves (an <see cref="AuthorizationCodeTokenProvider"/> per signed-in connection).
    /// </summary>
    public static IHttpClientBuilder AddIdentityHttpClient(this IServiceCollection services)
    {
        services.TryAddSingleton<MsalHttpClients>();
        return services.AddHttpClient(IdentityHttpClientName);
    }
}
