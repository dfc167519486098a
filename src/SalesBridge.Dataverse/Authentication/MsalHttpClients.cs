using Microsoft.Identity.Client;

namespace SalesBridge.Dataverse.Authentication;

/// <summary>
/// Gives MSAL its HttpClients from <see cref="IHttpClientFactory"/>, so the calls to Entra ID use the handler
/// configured on the named client <see cref="TokenProviderServiceCollectionExtensions.IdentityHttpClientName"/>
/// (proxy, certificate pinning) and pooled connections.
/// </summary>
public sealed class MsalHttpClients(IHttpClientFactory httpClients) : IMsalHttpClientFactory
{
    /// <inheritdoc/>
    public HttpClient GetHttpClient() => httpClients.CreateClient(TokenProviderServiceCollectionExtensions.IdentityHttpClientName);
}
