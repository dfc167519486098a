using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SalesBridge.Emulator.Identity;

/// <summary>
/// Proves an application by its signed client assertion (certificate-credentials): a JWT signed RS256 or PS256
/// with the key of a certificate registered on the application, named in the header by <c>x5t</c> (SHA-1) and/or
/// <c>x5t#S256</c> (SHA-256 thumbprint), with <c>iss</c> = <c>sub</c> = client id, <c>aud</c> = the token
/// endpoint, and a lifetime (<c>nbf</c>/<c>exp</c>) that covers now.
/// </summary>
internal sealed class ClientAssertionCheck(TimeProvider time)
{
    /// <summary>Guess: Entra's validators tolerate five minutes of clock difference, as IdentityModel's do by default.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Entra's refusal, or null when the assertion proves <paramref name="application"/>.</summary>
    public EntraError? Verify(TokenRequest request, SignInAccount application, string clientId)
    {
        if (request.Client.AssertionType is null)
        {
            return EntraErrors.MissingParameter("client_assertion_type");
        }

        if (request.Client.AssertionType != ClientCredentials.JwtBearerAssertionType)
        {
            return EntraErrors.UnsupportedAssertionType(request.Client.AssertionType);
        }

        if (request.Client.Assertion is null)
        {
            return EntraErrors.MissingParameter("client_assertion");
        }

        JsonWebToken assertion;
        try
        {
            assertion = new JsonWebToken(request.Client.Assertion);
        }
        catch (ArgumentException)
        {
            return EntraErrors.MalformedClientAssertion();
        }

        if (!string.Equals(assertion.Issuer, clientId, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(assertion.Subject, clientId, StringComparison.OrdinalIgnoreCase))
        {
            return EntraErrors.AssertionIssuerMismatch();
        }

        var thumbprints = Thumbprints.From(assertion);
        if (thumbprints is null)
        {
            return EntraErrors.MalformedClientAssertion();
        }

        var certificate = application.Certificates.FirstOrDefault(thumbprints.Match);
        if (certificate is null)
        {
            return EntraErrors.CertificateNotRegistered(thumbprints.Display, clientId);
        }

        var now = time.GetUtcNow();
        if (now > certificate.NotAfter.ToUniversalTime() || now < certificate.NotBefore.ToUniversalTime())
        {
            return EntraErrors.CertificateExpired(thumbprints.Display, certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime());
        }

        if (!SignatureMatches(assertion, certificate))
        {
            return EntraErrors.InvalidAssertionSignature(thumbprints.Display);
        }

        if (!assertion.Audiences.Any(audience => AcceptedAudiences(request).Contains(audience.TrimEnd('/'), StringComparer.OrdinalIgnoreCase)))
        {
            return EntraErrors.AssertionAudienceMismatch();
        }

        // exp is required; nbf may be left out (RFC 7523 §3).
        if (!assertion.TryGetPayloadValue<long>("exp", out _)
            || now > new DateTimeOffset(assertion.ValidTo, TimeSpan.Zero) + ClockSkew
            || (assertion.TryGetPayloadValue<long>("nbf", out _) && now + ClockSkew < new DateTimeOffset(assertion.ValidFrom, TimeSpan.Zero)))
        {
            return EntraErrors.AssertionOutsideValidTime();
        }

        return null;
    }

    /// <summary>
    /// The token endpoint as the client addressed it or by the tenant's id; Entra also takes the v1 endpoint,
    /// which older libraries (ADAL) put in <c>aud</c>.
    /// </summary>
    private static string[] AcceptedAudiences(TokenRequest request) =>
    [
        request.Urls.Token(request.TenantPath),
        request.Urls.Token(request.Urls.TenantSegment),
        $"{request.Urls.Base}/{request.TenantPath}/oauth2/token",
        $"{request.Urls.Base}/{request.Urls.TenantSegment}/oauth2/token",
    ];

    private static bool SignatureMatches(JsonWebToken assertion, X509Certificate2 certificate)
    {
        var padding = assertion.Alg switch
        {
            SecurityAlgorithms.RsaSha256 => RSASignaturePadding.Pkcs1,
            SecurityAlgorithms.RsaSsaPssSha256 => RSASignaturePadding.Pss,
            _ => null,
        };
        using var key = certificate.GetRSAPublicKey();
        if (padding is null || key is null)
        {
            return false;
        }

        try
        {
            var signed = Encoding.ASCII.GetBytes($"{assertion.EncodedHeader}.{assertion.EncodedPayload}");
            return key.VerifyData(signed, Base64UrlEncoder.DecodeBytes(assertion.EncodedSignature), HashAlgorithmName.SHA256, padding);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The thumbprints the header names the signing certificate by.</summary>
    private sealed record Thumbprints(byte[]? Sha1, byte[]? Sha256)
    {
        public static Thumbprints? From(JsonWebToken assertion)
        {
            try
            {
                var sha1 = assertion.TryGetHeaderValue<string>("x5t", out var x5t) ? Base64UrlEncoder.DecodeBytes(x5t) : null;
                var sha256 = assertion.TryGetHeaderValue<string>("x5t#S256", out var s256) ? Base64UrlEncoder.DecodeBytes(s256) : null;
                return sha1 is null && sha256 is null ? null : new Thumbprints(sha1, sha256);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        public bool Match(X509Certificate2 certificate) =>
            (Sha1 is null || Sha1.AsSpan().SequenceEqual(certificate.GetCertHash(HashAlgorithmName.SHA1)))
            && (Sha256 is null || Sha256.AsSpan().SequenceEqual(certificate.GetCertHash(HashAlgorithmName.SHA256)));

        /// <summary>Entra names the key by the hex thumbprint the client sent.</summary>
        public string Display => Convert.ToHexString(Sha1 ?? Sha256!);
    }
}
