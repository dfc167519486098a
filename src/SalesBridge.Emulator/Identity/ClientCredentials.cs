using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace SalesBridge.Emulator.Identity;

/// <summary>
/// The client id and secret of a token request, from the form (client_secret_post) or from HTTP Basic
/// authentication (client_secret_basic), both of which Entra accepts; or a signed client assertion
/// (<c>client_assertion_type</c> + <c>client_assertion</c>, private_key_jwt) in the form.
/// </summary>
internal sealed record ClientCredentials(string? ClientId, string? ClientSecret)
{
    public const string JwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public string? AssertionType { get; init; }

    public string? Assertion { get; init; }

    public bool HasAssertion => AssertionType is not null || Assertion is not null;

    public static ClientCredentialsRead Read(HttpRequest request, IFormCollection form)
    {
        var formId = NullIfEmpty(form["client_id"]);
        var formSecret = NullIfEmpty(form["client_secret"]);
        var assertionType = NullIfEmpty(form["client_assertion_type"]);
        var assertion = NullIfEmpty(form["client_assertion"]);
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return new ClientCredentialsRead.Read(new ClientCredentials(formId, formSecret) { AssertionType = assertionType, Assertion = assertion });
        }

        if (!TryDecodeBasic(header.Parameter, out var basicId, out var basicSecret))
        {
            return new ClientCredentialsRead.Failed(EntraErrors.MalformedRequest("The Authorization header is not valid Basic credentials."));
        }

        // RFC 6749 §2.3: a client must not use more than one authentication method in a request.
        if (formSecret is not null || assertion is not null || (formId is not null && !formId.Equals(basicId, StringComparison.OrdinalIgnoreCase)))
        {
            return new ClientCredentialsRead.Failed(EntraErrors.MalformedRequest("The client sent credentials both in the Authorization header and in the body."));
        }

        return new ClientCredentialsRead.Read(new ClientCredentials(basicId, basicSecret));
    }

    public bool SecretMatches(string? expected) => SecretComparer.Matches(ClientSecret, expected);

    /// <summary>
    /// Proves the client against its registration: confidential clients with their secret, public clients by
    /// sending none. Returns the refusal, or null when the client proved itself.
    /// </summary>
    public EntraError? Authenticate(ClientRegistration registration) => (registration.ClientSecret, ClientSecret) switch
    {
        (null, null) => null,
        (null, _) => EntraErrors.PublicClientWithSecret(),
        (_, null) => EntraErrors.MissingClientSecret(),
        _ => SecretMatches(registration.ClientSecret) ? null : EntraErrors.InvalidClientSecret(registration.ClientId),
    };

    private static bool TryDecodeBasic(string? parameter, out string? clientId, out string? secret)
    {
        clientId = secret = null;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter ?? ""));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return false;
            }

            // Both halves are form-urlencoded before base64 (RFC 6749 §2.3.1).
            clientId = WebUtility.UrlDecode(decoded[..colon]);
            secret = NullIfEmpty(WebUtility.UrlDecode(decoded[(colon + 1)..]));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

internal abstract record ClientCredentialsRead
{
    public sealed record Read(ClientCredentials Credentials) : ClientCredentialsRead;

    public sealed record Failed(EntraError Error) : ClientCredentialsRead;
}
