namespace SalesBridge.Emulator.Identity;

/// <summary>
/// <c>grant_type=client_credentials</c>: an application user proves itself with its secret or a client assertion
/// signed with its certificate's key (certificate-credentials) and gets an app-only
/// token for <c>&lt;resource&gt;/.default</c> (v2-oauth2-client-creds-grant-flow).
/// </summary>
internal sealed class ClientCredentialsGrant(ISignInDirectory directory, TokenFactory tokens, ClientAssertionCheck assertions)
{
    public TokenOutcome Handle(TokenRequest request)
    {
        if (request.Client.ClientId is not { } clientId)
        {
            return EntraErrors.MissingParameter("client_id");
        }

        if (directory.FindApplication(clientId) is not { } application)
        {
            return EntraErrors.ApplicationNotFound(clientId, request.Urls.Tenant);
        }

        if (application.IsDisabled)
        {
            return EntraErrors.ApplicationDisabled(clientId);
        }

        if (request.Client.HasAssertion)
        {
            if (request.Client.ClientSecret is not null)
            {
                // RFC 6749 §2.3: one authentication method per request.
                return EntraErrors.MalformedRequest("The request carries both 'client_secret' and 'client_assertion'.");
            }

            if (assertions.Verify(request, application, clientId) is { } refusal)
            {
                return refusal;
            }
        }
        else if (request.Client.ClientSecret is null)
        {
            return EntraErrors.MissingClientSecret();
        }
        else if (!request.Client.SecretMatches(application.Secret))
        {
            return EntraErrors.InvalidClientSecret(clientId);
        }

        if (request["scope"] is not { } scope)
        {
            return EntraErrors.MissingParameter("scope");
        }

        var parsed = RequestedScope.Parse(scope);
        if (parsed is ScopeParse.Failed failed)
        {
            return failed.Error;
        }

        // Application permissions are consented ahead of time, so only "<resource>/.default" can be asked for.
        var requested = ((ScopeParse.Parsed)parsed).Scope;
        if (requested.Resource is not { } resource || requested.Permission != ".default" || requested.OpenIdScopes.Count > 0)
        {
            return EntraErrors.ClientCredentialsNeedDefaultScope(scope);
        }

        var token = tokens.CreateApplicationToken(request.Urls, application, resource, byCertificate: request.Client.HasAssertion);
        // Entra's client-credentials response carries no scope (v2-oauth2-client-creds-grant-flow, successful response).
        return new TokenOutcome.Issued(new TokenResponse { ExpiresIn = token.ExpiresIn, AccessToken = token.Token }, application.ObjectId.ToString("D"));
    }
}
