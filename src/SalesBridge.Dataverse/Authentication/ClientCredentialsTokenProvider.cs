using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace SalesBridge.Dataverse.Authentication;

/// <summary>
/// Tokens for an application user (client credentials) from Entra ID through MSAL: scope <c>{org}/.default</c>,
/// cached in MSAL's in-memory app token cache. MSAL hands out the cached token until it is within five minutes of
/// expiring and then gets a new one, so requests never carry a token about to lapse. One instance serves every org
/// of the tenant; keep it for the life of the process.
/// </summary>
public sealed class ClientCredentialsTokenProvider : ITokenProvider
{
    private readonly IConfidentialClientApplication _application;
    private readonly string _description;

    /// <summary>A provider for the app registration in <paramref name="options"/>.</summary>
    /// <param name="options">The app registration; validated here.</param>
    /// <param name="httpClients">Where MSAL gets its HttpClient (proxies, certificate pinning in tests); MSAL's own when null.</param>
    /// <exception cref="OptionsValidationException">The options are not valid.</exception>
    public ClientCredentialsTokenProvider(ClientCredentialsTokenProviderOptions options, IMsalHttpClientFactory? httpClients = null)
    {
        var check = EntraApplicationOptionsValidator<ClientCredentialsTokenProviderOptions>.Check(options);
        if (check.Failed) throw new OptionsValidationException(nameof(ClientCredentialsTokenProviderOptions), typeof(ClientCredentialsTokenProviderOptions), check.Failures);
        _application = EntraAuthority.CreateClient(options, httpClients);
        _description = $"ClientCredentialsTokenProvider({options})";
    }

    /// <inheritdoc/>
    /// <exception cref="DataverseAuthenticationException">Entra ID refused the credentials or could not be used.</exception>
    public async ValueTask<AccessToken> GetTokenAsync(TokenRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _application.AcquireTokenForClient([DefaultScope(request.Resource)])
                .WithForceRefresh(request.ForceRefresh)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return new AccessToken(result.AccessToken, result.ExpiresOn);
        }
        catch (MsalException exception)
        {
            throw DataverseAuthenticationException.From(exception, request.Resource);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => _description;

    /// <summary>An app-only token covers what was consented to the app on the resource.</summary>
    internal static string DefaultScope(Uri resource) => $"{resource.GetLeftPart(UriPartial.Path).TrimEnd('/')}/.default";
}
