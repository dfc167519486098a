using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace SalesBridge.Dataverse.Authentication;

/// <summary>
/// Tokens of an admin who signed in (authorization code with PKCE, then refresh tokens) through MSAL: start with
/// <see cref="StartSignInAsync"/>, redeem the returned code with <see cref="CompleteSignInAsync"/>, then every
/// token comes silently from the cache kept in the <see cref="ITokenCacheStore"/>, also after a restart. When
/// that is no longer possible it throws <see cref="DataverseSignInRequiredException"/>. One instance per
/// signed-in connection (one store).
/// </summary>
public sealed class AuthorizationCodeTokenProvider : ITokenProvider
{
    private readonly IConfidentialClientApplication _application;
    private readonly PersistedUserTokenCache _cache;
    private readonly string _description;

    /// <summary>A provider for the app registration in <paramref name="options"/>, keeping its sign-in in <paramref name="cacheStore"/>.</summary>
    /// <param name="options">The web app registration; validated here.</param>
    /// <param name="cacheStore">Where the sign-in's token cache is kept; the caller encrypts it.</param>
    /// <param name="httpClients">Where MSAL gets its HttpClient (proxies, certificate pinning in tests); MSAL's own when null.</param>
    /// <exception cref="OptionsValidationException">The options are not valid.</exception>
    public AuthorizationCodeTokenProvider(AuthorizationCodeTokenProviderOptions options, ITokenCacheStore cacheStore, IMsalHttpClientFactory? httpClients = null)
    {
        var check = EntraApplicationOptionsValidator<AuthorizationCodeTokenProviderOptions>.Check(options);
        if (check.Failed) throw new OptionsValidationException(nameof(AuthorizationCodeTokenProviderOptions), typeof(AuthorizationCodeTokenProviderOptions), check.Failures);
        _application = EntraAuthority.CreateClient(options, httpClients, options.RedirectUri);
        _cache = new PersistedUserTokenCache(cacheStore, _application.UserTokenCache);
        _description = $"AuthorizationCodeTokenProvider({options}, RedirectUri={options.RedirectUri})";
    }

    /// <summary>The sign-in page URL for <paramref name="resource"/> (an org's root URL) with a new state and PKCE verifier.</summary>
    /// <param name="resource">The org the admin signs in for.</param>
    /// <param name="loginHint">The user name to fill in on the sign-in page, if known.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<DataverseSignInRequest> StartSignInAsync(Uri resource, string? loginHint = null, CancellationToken cancellationToken = default)
    {
        var state = Base64Url(RandomNumberGenerator.GetBytes(32));
        var builder = _application.GetAuthorizationRequestUrl(DelegatedScopes(resource))
            .WithPkce(out var codeVerifier)
            .WithExtraQueryParameters(new Dictionary<string, (string, bool)> { ["state"] = (state, false) });
        if (!string.IsNullOrEmpty(loginHint)) builder = builder.WithLoginHint(loginHint);
        var url = await builder.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return new DataverseSignInRequest(url, state, codeVerifier, resource);
    }

    /// <summary>
    /// Redeems the code the sign-in page sent to the redirect URI, after checking that <paramref name="returnedState"/>
    /// is the one <paramref name="request"/> started with. From then on this provider serves that user's tokens.
    /// </summary>
    /// <exception cref="DataverseSignInRequiredException">The state does not match, or the code was refused (expired, used, another client's).</exception>
    /// <exception cref="DataverseAuthenticationException">The app's own credentials were refused.</exception>
    public async Task<DataverseSignedInUser> CompleteSignInAsync(DataverseSignInRequest request, string code, string? returnedState, CancellationToken cancellationToken = default)
    {
        if (returnedState is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(request.State), Encoding.UTF8.GetBytes(returnedState)))
        {
            throw new DataverseSignInRequiredException("The sign-in response does not belong to this sign-in (state mismatch); sign in again.", null, "state_mismatch", null);
        }
        await _cache.LoadAsync(cancellationToken).ConfigureAwait(false);
        var previous = _cache.AccountId;
        AuthenticationResult result;
        try
        {
            result = await _application.AcquireTokenByAuthorizationCode(DelegatedScopes(request.Resource), code)
                .WithPkceCodeVerifier(request.CodeVerifier)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MsalServiceException exception) when (exception.ErrorCode == "invalid_grant")
        {
            throw new DataverseSignInRequiredException($"The sign-in code was refused ({exception.ErrorCode}): {exception.Message}", null, exception.ErrorCode, exception.ResponseBody, exception);
        }
        catch (MsalException exception)
        {
            throw DataverseAuthenticationException.From(exception, request.Resource);
        }
        var account = result.Account;
        await _cache.SignedInAsync(account.HomeAccountId.Identifier, cancellationToken).ConfigureAwait(false);
        if (previous is not null && previous != account.HomeAccountId.Identifier && await _application.GetAccountAsync(previous).ConfigureAwait(false) is { } replaced)
        {
            // One connection, one admin: the earlier admin's refresh token must not linger in the store.
            await _application.RemoveAsync(replaced).ConfigureAwait(false);
        }
        return new DataverseSignedInUser(account.Username, account.HomeAccountId.ObjectId, account.HomeAccountId.TenantId);
    }

    /// <inheritdoc/>
    /// <exception cref="DataverseSignInRequiredException">Nobody signed in, or the sign-in can no longer be used silently.</exception>
    /// <exception cref="DataverseAuthenticationException">Entra ID refused the app's credentials or could not be used.</exception>
    public async ValueTask<AccessToken> GetTokenAsync(TokenRequest request, CancellationToken cancellationToken)
    {
        var account = await SignedInAccountAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new DataverseSignInRequiredException($"No admin has signed in to {request.Resource} yet (or the sign-in was removed).", null, "no_account", null);
        try
        {
            var result = await _application.AcquireTokenSilent(DelegatedScopes(request.Resource), account)
                .WithForceRefresh(request.ForceRefresh)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return new AccessToken(result.AccessToken, result.ExpiresOn);
        }
        catch (MsalException exception)
        {
            throw DataverseAuthenticationException.From(exception, request.Resource);
        }
    }

    /// <summary>Forgets the signed-in admin: removes their tokens from the cache (and so from the store).</summary>
    public async Task SignOutAsync(CancellationToken cancellationToken = default)
    {
        var account = await SignedInAccountAsync(cancellationToken).ConfigureAwait(false);
        _cache.SignedOut();
        if (account is not null) await _application.RemoveAsync(account).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override string ToString() => _description;

    private async Task<IAccount?> SignedInAccountAsync(CancellationToken cancellationToken)
    {
        await _cache.LoadAsync(cancellationToken).ConfigureAwait(false);
        return _cache.AccountId is { } id ? await _application.GetAccountAsync(id).ConfigureAwait(false) : null;
    }

    /// <summary>Dataverse's one delegated permission; MSAL adds openid, profile and offline_access (refresh tokens) itself.</summary>
    internal static string[] DelegatedScopes(Uri resource) => [$"{resource.GetLeftPart(UriPartial.Path).TrimEnd('/')}/user_impersonation"];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
