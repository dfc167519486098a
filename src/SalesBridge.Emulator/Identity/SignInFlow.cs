namespace SalesBridge.Emulator.Identity;

/// <summary>The outcome of a username and password posted to the sign-in page.</summary>
internal abstract record SignInAttempt
{
    public sealed record SignedIn(string Code) : SignInAttempt;

    public sealed record Refused(EntraError Error) : SignInAttempt;
}

/// <summary>
/// The interactive half of the authorization-code flow: checks the request, then the user's password, and
/// issues a code bound to the client, redirect URI, scope, nonce and PKCE challenge.
/// </summary>
internal sealed class SignInFlow(ISignInDirectory directory, AuthorizationCodeStore codes)
{
    public AuthorizeValidation Validate(AuthorizeRequest request, Guid tenant)
    {
        // Until client and redirect URI are known good, nothing may be sent to the redirect URI.
        if (request.ClientId is not { } clientId)
        {
            return new AuthorizeValidation.ShownOnPage(EntraErrors.MissingParameter("client_id"));
        }

        if (directory.FindClient(clientId) is not { } client)
        {
            return new AuthorizeValidation.ShownOnPage(EntraErrors.ApplicationNotFound(clientId, tenant));
        }

        // With no redirect_uri Entra falls back to the app's registered one; only unambiguous when there is one.
        var redirectUri = request.RedirectUri ?? (client.RedirectUris.Count == 1 ? client.RedirectUris[0] : null);
        if (redirectUri is null)
        {
            return new AuthorizeValidation.ShownOnPage(EntraErrors.NoReplyAddress());
        }

        if (!client.RedirectUris.Any(registered => RedirectUriMatches(registered, redirectUri)))
        {
            return new AuthorizeValidation.ShownOnPage(EntraErrors.UnknownRedirectUri(redirectUri, clientId));
        }

        var responseMode = request.ResponseMode ?? "query";
        if (responseMode is not ("query" or "fragment" or "form_post"))
        {
            return new AuthorizeValidation.SentToClient(redirectUri, "query", EntraErrors.UnsupportedResponseMode(responseMode));
        }

        var refusal = RequestRefusal(request);
        return refusal is null
            ? new AuthorizeValidation.Accepted(client, redirectUri, responseMode)
            : new AuthorizeValidation.SentToClient(redirectUri, responseMode, refusal);
    }

    public SignInAttempt SignIn(AuthorizeRequest request, AuthorizeValidation.Accepted accepted, string? userName, string? password)
    {
        if (string.IsNullOrWhiteSpace(userName) || directory.FindUser(userName.Trim()) is not { } user)
        {
            return new SignInAttempt.Refused(EntraErrors.UserNotFound(userName ?? ""));
        }

        if (user.IsDisabled)
        {
            return new SignInAttempt.Refused(EntraErrors.UserDisabled());
        }

        if (!SecretComparer.Matches(password, user.Secret))
        {
            return new SignInAttempt.Refused(EntraErrors.InvalidUserNameOrPassword());
        }

        var grant = new AuthorizationGrant(
            accepted.Client.ClientId,
            accepted.RedirectUri,
            user.ObjectId,
            user.UserName,
            request.Scope ?? "",
            request.Nonce,
            request.CodeChallenge,
            request.CodeChallengeMethod);
        return new SignInAttempt.SignedIn(codes.Issue(grant));
    }

    private static EntraError? RequestRefusal(AuthorizeRequest request)
    {
        if (request.ResponseType != "code")
        {
            return request.ResponseType is null ? EntraErrors.MissingParameter("response_type") : EntraErrors.UnsupportedResponseType(request.ResponseType);
        }

        if (request.Scope is null)
        {
            return EntraErrors.MissingParameter("scope");
        }

        if (RequestedScope.Parse(request.Scope) is ScopeParse.Failed failed)
        {
            return failed.Error;
        }

        if (request.CodeChallenge is null ? request.CodeChallengeMethod is not null : !Pkce.IsSupportedMethod(request.CodeChallengeMethod))
        {
            return EntraErrors.MalformedRequest("code_challenge_method must be S256 or plain and comes with a code_challenge.");
        }

        // The emulator keeps no browser session, so a silent request can never be satisfied.
        return request.Prompt == "none" ? EntraErrors.LoginRequired() : null;
    }

    /// <summary>
    /// Exact match, except that Entra ignores the port of http loopback redirect URIs, which is how desktop
    /// apps (MSAL's system-browser flow) listen on whatever port is free.
    /// </summary>
    private static bool RedirectUriMatches(string registered, string requested)
    {
        if (registered.Equals(requested, StringComparison.Ordinal))
        {
            return true;
        }

        return Uri.TryCreate(registered, UriKind.Absolute, out var r) && Uri.TryCreate(requested, UriKind.Absolute, out var q)
            && r.Scheme == Uri.UriSchemeHttp && q.Scheme == Uri.UriSchemeHttp && r.IsLoopback && r.Host == q.Host
            && r.PathAndQuery == q.PathAndQuery;
    }
}
