namespace SalesBridge.Emulator.Identity;

/// <summary>
/// The AADSTS codes the emulator uses, with the OAuth error and status Entra pairs them with. Numbers and
/// wording follow reference-error-codes; where the page gives no OAuth error, the pairing Entra is seen to use.
/// </summary>
internal static class EntraErrors
{
    private const int Unauthorized = StatusCodes.Status401Unauthorized;

    public static EntraError MissingParameter(string name) =>
        new("invalid_request", 900144, $"The request body must contain the following parameter: '{name}'.");

    public static EntraError MalformedRequest(string detail) =>
        new("invalid_request", 9002313, $"Invalid request. Request is malformed or invalid. {detail}");

    public static EntraError TenantNotFound(string tenant) =>
        new("invalid_request", 90002, $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");

    public static EntraError GrantNotSupportedOnMultiTenantEndpoint() =>
        new("invalid_request", 9001023, "The grant type isn't supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.");

    public static EntraError UnsupportedGrantType(string grantType) =>
        new("unsupported_grant_type", 70003, $"The app requested an unsupported grant type '{grantType}'.");

    public static EntraError ApplicationNotFound(string clientId, Guid tenant) =>
        new("unauthorized_client", 700016, $"Application with identifier '{clientId}' was not found in the directory '{tenant:D}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.");

    public static EntraError ApplicationDisabled(string clientId) =>
        new("unauthorized_client", 7000112, $"Application '{clientId}' is disabled.");

    public static EntraError MissingClientSecret() =>
        new("invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", Unauthorized);

    public static EntraError InvalidClientSecret(string clientId) =>
        new("invalid_client", 7000215, $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'.", Unauthorized);

    public static EntraError PublicClientWithSecret() =>
        new("invalid_client", 700025, "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.", Unauthorized);

    public static EntraError InvalidScope(string scope) =>
        new("invalid_scope", 70011, $"The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid.");

    public static EntraError MultipleResources() =>
        new("invalid_scope", 700022, "The provided value for the input parameter scope is not valid because it contains more than one resource.");

    public static EntraError ClientCredentialsNeedDefaultScope(string scope) =>
        new("invalid_scope", 1002012, $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");

    public static EntraError EmptyScopeForCode() =>
        new("invalid_scope", 28003, "Provided value for the input parameter scope cannot be empty when requesting an access token using the provided authorization code. Please specify a valid scope.");

    public static EntraError MalformedGrant(string what) =>
        new("invalid_grant", 9002313, $"Invalid request. Request is malformed or invalid. The provided {what} is not valid.");

    public static EntraError ExpiredCode() =>
        new("invalid_grant", 70008, "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.");

    public static EntraError CodeAlreadyRedeemed() =>
        new("invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.");

    public static EntraError GrantIssuedToAnotherClient() =>
        new("invalid_grant", 70000, "The provided value for the 'code' or 'refresh_token' parameter is not valid. The grant was issued to a different client.");

    /// <summary>
    /// Not listed with an OAuth error on reference-error-codes; Entra is seen to answer invalid_client (401).
    /// </summary>
    public static EntraError RedirectUriMismatch(string redirectUri) =>
        new("invalid_client", 500112, $"The reply address '{redirectUri}' does not match the reply address provided when requesting Authorization code.", Unauthorized);

    public static EntraError CodeVerifierMismatch() =>
        new("invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request.");

    public static EntraError ExpiredRefreshToken(DateTimeOffset issuedOn) =>
        new("invalid_grant", 700082, $"The refresh token has expired due to inactivity. The token was issued on {issuedOn:O}.");

    /// <summary>Wording of reference-error-codes for 50173 (FreshTokenNeeded): the user's sessions were revoked after the grant.</summary>
    public static EntraError RevokedGrant(DateTimeOffset issuedOn, DateTimeOffset validFrom) =>
        new("invalid_grant", 50173, $"The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '{issuedOn:O}' and the TokensValidFrom date (before which tokens are not valid) for this user is '{validFrom:O}'.");

    public static EntraError UserDisabled() =>
        new("invalid_grant", 50057, "The user account is disabled.");

    public static EntraError UserNotFound(string userName) =>
        new("invalid_grant", 50034, $"The user account {userName} does not exist in the directory. To sign into this application, the account must be added to the directory.");

    public static EntraError InvalidUserNameOrPassword() =>
        new("invalid_grant", 50126, "Error validating credentials due to invalid username or password.");

    public static EntraError UnknownRedirectUri(string redirectUri, string clientId) =>
        new("invalid_request", 50011, $"The redirect URI '{redirectUri}' specified in the request does not match the redirect URIs configured for the application '{clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.");

    public static EntraError NoReplyAddress() =>
        new("invalid_request", 900971, "No reply address provided.");

    public static EntraError UnsupportedResponseType(string responseType) =>
        new("unsupported_response_type", 70005, $"The application requested the unsupported response type '{responseType}'; the emulator issues authorization codes only.");

    public static EntraError UnsupportedResponseMode(string responseMode) =>
        new("invalid_request", 70007, $"The application returned an unsupported value of 'response_mode' ('{responseMode}') when requesting a token.");

    public static EntraError LoginRequired() =>
        new("login_required", 50058, "A silent sign-in request was sent but no user is signed in.");

    // Client assertions (certificate-credentials). Codes and wording from reference-error-codes and the Azure SDK's
    // service-principal troubleshooting pages; Entra answers all of them invalid_client (401), as it does a wrong
    // secret: the pairing is observed, not documented.

    public static EntraError UnsupportedAssertionType(string assertionType) =>
        // Guess: no documented code for an unknown client_assertion_type; Entra's generic malformed-request one.
        new("invalid_request", 9002313, $"Invalid request. Request is malformed or invalid. The client_assertion_type '{assertionType}' is not supported; use '{ClientCredentials.JwtBearerAssertionType}'.");

    public static EntraError MalformedClientAssertion() =>
        new("invalid_client", 50027, "JWT token is invalid or malformed.", Unauthorized);

    public static EntraError AssertionIssuerMismatch() =>
        new("invalid_client", 700021, "Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials.", Unauthorized);

    public static EntraError CertificateNotRegistered(string thumbprint, string clientId) =>
        new("invalid_client", 700027, $"The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '{thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '{clientId}'.]", Unauthorized);

    /// <summary>Guess at the wording: Entra reports a registered but lapsed key under 700027 with this reason.</summary>
    public static EntraError CertificateExpired(string thumbprint, DateTimeOffset start, DateTimeOffset end) =>
        new("invalid_client", 700027, $"Client assertion contains an invalid signature. [Reason - The key used is expired., Thumbprint of key used by client: '{thumbprint}', Found key 'Start={start:MM/dd/yyyy HH:mm:ss}, End={end:MM/dd/yyyy HH:mm:ss}']", Unauthorized);

    public static EntraError InvalidAssertionSignature(string thumbprint) =>
        new("invalid_client", 700027, $"Client assertion failed signature validation. [Reason - The provided signature value did not match the expected signature value., Thumbprint of key used by client: '{thumbprint}']", Unauthorized);

    public static EntraError AssertionAudienceMismatch() =>
        new("invalid_client", 700023, "Client assertion audience claim does not match Realm issuer. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials.", Unauthorized);

    public static EntraError AssertionOutsideValidTime() =>
        new("invalid_client", 700024, "Client assertion is not within its valid time range. Ensure that the access token isn't expired before using it to authenticate the client.", Unauthorized);
}
