namespace SalesBridge.Emulator.Identity;

/// <summary>
/// <c>grant_type=refresh_token</c>: a new access token for any resource, and a new refresh token. The old
/// refresh token is not revoked (see <see cref="RefreshTokenStore"/>). A disabled user is refused, and so is a
/// refresh token issued before the user's sessions were revoked.
/// </summary>
internal sealed class RefreshTokenGrant(ISignInDirectory directory, RefreshTokenStore refreshTokens, UserTokenIssuer issuer)
{
    public TokenOutcome Handle(TokenRequest request)
    {
        if (request["refresh_token"] is not { } token)
        {
            return EntraErrors.MissingParameter("refresh_token");
        }

        if (!UserGrantChecks.RegisteredClient(request, directory, out var registration, out var refusedClient))
        {
            return refusedClient;
        }

        return refreshTokens.Find(token) switch
        {
            RefreshLookup.Found found => Refresh(request, registration, found.Grant),
            RefreshLookup.Expired expired => EntraErrors.ExpiredRefreshToken(expired.IssuedOn),
            RefreshLookup.Revoked revoked => EntraErrors.RevokedGrant(revoked.IssuedOn, revoked.ValidFrom),
            _ => EntraErrors.MalformedGrant("refresh token"),
        };
    }

    private TokenOutcome Refresh(TokenRequest request, ClientRegistration registration, RefreshGrant grant)
    {
        if (!grant.ClientId.Equals(registration.ClientId, StringComparison.OrdinalIgnoreCase))
        {
            return EntraErrors.GrantIssuedToAnotherClient();
        }

        if (!UserGrantChecks.ActiveUser(directory, grant.UserName, grant.UserObjectId, out var user, out var refusedUser))
        {
            return refusedUser;
        }

        var parsed = RequestedScope.Parse(request["scope"]);
        if (parsed is ScopeParse.Failed failed)
        {
            return failed.Error;
        }

        var earlier = ((ScopeParse.Parsed)RequestedScope.Parse(grant.Scope)).Scope;
        var scope = ((ScopeParse.Parsed)parsed).Scope.Over(earlier);
        // Holding a refresh token means offline_access was consented, so every refresh returns a new one.
        scope = scope with { OpenIdScopes = new HashSet<string>(scope.OpenIdScopes.Append("offline_access"), StringComparer.OrdinalIgnoreCase) };
        return issuer.Issue(request.Urls, user, registration.ClientId, scope, nonce: null, clientAuthenticated: registration.ClientSecret is not null);
    }
}
