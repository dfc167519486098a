using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SalesBridge.Emulator.Identity;

/// <summary>
/// Checks a request's bearer token the way Dataverse does: signature, issuer, audience, then lifetime, against
/// the injected clock and with no clock-skew allowance. Audience before lifetime, because a client that is
/// told "expired" refreshes, and a refreshed token for the wrong org would fail again.
/// </summary>
public sealed class AccessTokenValidator
{
    private readonly EmulatorSigningKey _key;
    private readonly TimeProvider _time;
    private readonly Guid _tenant;

    internal AccessTokenValidator(EmulatorSigningKey key, TimeProvider time, IOptions<EmulatorIdentityOptions> options)
    {
        _key = key;
        _time = time;
        _tenant = options.Value.Tenant;
    }

    public AccessTokenValidation Validate(string? authorizationHeader, string expectedAudience)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return new AccessTokenValidation.Missing();
        }

        if (!AuthenticationHeaderValue.TryParse(authorizationHeader, out var header)
            || !header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(header.Parameter))
        {
            return new AccessTokenValidation.Invalid("The Authorization header does not carry a bearer token.");
        }

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(header.Parameter);
        }
        catch (ArgumentException)
        {
            return new AccessTokenValidation.Invalid("The bearer token is not a JWT.");
        }

        return Check(token, expectedAudience);
    }

    private AccessTokenValidation Check(JsonWebToken token, string expectedAudience)
    {
        if (token.Alg != SecurityAlgorithms.RsaSha256 || token.Kid != _key.KeyId || !SignatureVerifies(token))
        {
            return new AccessTokenValidation.Invalid("The token signature is not valid.");
        }

        if (!IssuerIsThisTenant(token.Issuer))
        {
            return new AccessTokenValidation.Invalid($"The issuer '{token.Issuer}' is not this tenant's.");
        }

        if (!token.Audiences.Any(audience => AudienceMatches(audience, expectedAudience)))
        {
            return new AccessTokenValidation.Invalid($"The token is for '{string.Join(' ', token.Audiences)}', not '{expectedAudience}'.");
        }

        var now = _time.GetUtcNow();
        if (!token.TryGetPayloadValue<long>("exp", out var exp) || !token.TryGetPayloadValue<long>("nbf", out var nbf))
        {
            return new AccessTokenValidation.Invalid("The token has no lifetime.");
        }

        var expiresOn = DateTimeOffset.FromUnixTimeSeconds(exp);
        if (now >= expiresOn)
        {
            return new AccessTokenValidation.Expired(expiresOn);
        }

        if (now < DateTimeOffset.FromUnixTimeSeconds(nbf))
        {
            return new AccessTokenValidation.Invalid("The token is not valid yet.");
        }

        return Caller(token, expiresOn);
    }

    private AccessTokenValidation Caller(JsonWebToken token, DateTimeOffset expiresOn)
    {
        if (!token.TryGetPayloadValue<string>("oid", out var oid) || !Guid.TryParse(oid, out var objectId)
            || !token.TryGetPayloadValue<string>("appid", out var clientId) || !token.TryGetPayloadValue<string>("idtyp", out var idtyp))
        {
            return new AccessTokenValidation.Invalid("The token lacks oid, appid or idtyp.");
        }

        var isApplication = idtyp == "app";
        var userName = !isApplication && token.TryGetPayloadValue<string>("upn", out var upn) ? upn : null;
        return new AccessTokenValidation.Valid(new AuthenticatedCaller(objectId, _tenant, clientId, isApplication, userName, expiresOn));
    }

    private bool SignatureVerifies(JsonWebToken token)
    {
        try
        {
            var signed = Encoding.ASCII.GetBytes($"{token.EncodedHeader}.{token.EncodedPayload}");
            return _key.Verify(signed, Base64UrlEncoder.DecodeBytes(token.EncodedSignature));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// The issuer's host is whatever the client used to reach the token service, which the validator cannot
    /// know; the signature already proves the token is ours, so the issuer check pins the tenant (and v1.0 form).
    /// </summary>
    private bool IssuerIsThisTenant(string issuer) =>
        Uri.TryCreate(issuer, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath.Equals($"/{_tenant:D}/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Scheme, host and port compared case-insensitively; a trailing slash makes no difference.</summary>
    internal static bool AudienceMatches(string audience, string expected) =>
        Uri.TryCreate(audience, UriKind.Absolute, out var actual) && Uri.TryCreate(expected, UriKind.Absolute, out var wanted)
        && Uri.Compare(actual, wanted, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
        && actual.AbsolutePath.TrimEnd('/').Equals(wanted.AbsolutePath.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
