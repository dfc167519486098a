using Microsoft.Extensions.Options;

namespace SalesBridge.Dataverse.Authentication;

/// <summary>
/// Makes an <see cref="AuthorizationCodeTokenProvider"/> per signed-in connection (each admin's sign-in has its
/// own persisted token cache), sharing the app registration's options and MSAL's HTTP client.
/// </summary>
public sealed class AuthorizationCodeTokenProviderFactory(IOptions<AuthorizationCodeTokenProviderOptions> options, MsalHttpClients httpClients)
{
    /// <summary>A provider whose signed-in account and refresh token live in <paramref name="cacheStore"/> (encrypted by the caller).</summary>
    public AuthorizationCodeTokenProvider Create(ITokenCacheStore cacheStore) => new(options.Value, cacheStore, httpClients);
}
