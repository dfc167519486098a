namespace SalesBridge.Emulator.Identity;

/// <summary>
/// <c>grant_type=authorization_code</c>: redeems a code once, for the client and redirect URI it was issued
/// to, proven by the client secret (confidential clients) or the PKCE verifier (v2-oauth2-auth-code-flow).
/// </summary>
internal sealed class AuthorizationCodeGrant(ISignInDirectory directory, AuthorizationCodeStore codes, UserTokenIssuer issuer)
{
    public TokenOutcome Handle(TokenRequest request)
    {
        if (request["code"] is not { } code)
        {
            return EntraErrors.MissingParameter("code");
        }

        if (!UserGrantChecks.RegisteredClient(request, directory, out var registration, out var refusedClient))
        {
            return refusedClient;
        }

        return codes.Redeem(code) switch
        {
            CodeRedemption.Redeemed redeemed => Redeem(request, registration, redeemed.Grant),
            CodeRedemption.Expired => EntraErrors.ExpiredCode(),
            CodeRedemption.AlreadyRedeemed => EntraErrors.CodeAlreadyRedeemed(),
            _ => EntraErrors.MalformedGrant("authorization code"),
        };
    }

    private TokenOutcome Redeem(TokenRequest request, ClientRegistration registration, AuthorizationGrant grant)
    {
        if (!grant.ClientId.Equals(registration.ClientId, StringComparison.OrdinalIgnoreCase))
        {
            return EntraErrors.GrantIssuedToAnotherClient();
        }

        if (request["redirect_uri"] is not { } redirectUri)
        {
            return EntraErrors.MissingParameter("redirect_uri");
        }

        if (!redirectUri.Equals(grant.RedirectUri, StringComparison.Ordinal))
        {
            return EntraErrors.RedirectUriMismatch(redirectUri);
        }

        if (grant.CodeChallenge is { } challenge && !Pkce.Verifies(challenge, grant.CodeChallengeMethod, request["code_verifier"]))
        {
            return EntraErrors.CodeVerifierMismatch();
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

        var asked = ((ScopeParse.Parsed)parsed).Scope;
        var consented = ((ScopeParse.Parsed)RequestedScope.Parse(grant.Scope)).Scope;
        return issuer.Issue(request.Urls, user, registration.ClientId, asked.Over(consented), grant.Nonce, clientAuthenticated: registration.ClientSecret is not null);
    }
}
