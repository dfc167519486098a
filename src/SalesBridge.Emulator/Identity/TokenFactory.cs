using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SalesBridge.Emulator.Identity;

/// <summary>An access token and the <c>expires_in</c> the token response reports for it.</summary>
internal readonly record struct IssuedAccessToken(string Token, int ExpiresIn);

/// <summary>
/// Mints RS256 JWTs in the shape Entra gives Dataverse clients: v1.0 access tokens (Dataverse has not opted
/// in to v2.0, so it gets <c>appid</c>/<c>appidacr</c>, <c>upn</c>, <c>unique_name</c>; <c>azp</c> exists only in
/// v2.0 tokens) and v2.0 id tokens (from the v2.0 endpoints). See access-token-claims-reference.
/// </summary>
internal sealed class TokenFactory(EmulatorSigningKey key, TimeProvider time, IOptions<EmulatorIdentityOptions> options)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedAccessToken CreateApplicationToken(IdentityUrls urls, SignInAccount application, string resource, bool byCertificate = false)
    {
        var claims = CommonAccessClaims(urls, application.ObjectId, application.UserName, "app", clientAuthenticated: true);
        // 2 = client certificate (access-token-claims-reference, appidacr).
        if (byCertificate) claims["appidacr"] = "2";
        // An application's subject is its service principal; Entra puts the same value in sub and oid.
        claims["sub"] = application.ObjectId.ToString("D");
        return CreateAccessToken(urls, resource, claims);
    }

    public IssuedAccessToken CreateUserToken(IdentityUrls urls, SignInAccount user, string clientId, string resource, string scp, bool clientAuthenticated)
    {
        var claims = CommonAccessClaims(urls, user.ObjectId, clientId, "user", clientAuthenticated);
        claims["sub"] = PairwiseSubject(user.ObjectId, clientId);
        claims["upn"] = user.UserName;
        claims["unique_name"] = user.UserName;
        claims["name"] = user.DisplayName;
        claims["scp"] = scp;
        claims["amr"] = new[] { "pwd" };
        claims["acr"] = "1";
        return CreateAccessToken(urls, resource, claims);
    }

    public string CreateIdToken(IdentityUrls urls, SignInAccount user, string clientId, string? nonce)
    {
        var now = time.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["ver"] = "2.0",
            ["tid"] = urls.TenantSegment,
            ["oid"] = user.ObjectId.ToString("D"),
            ["sub"] = PairwiseSubject(user.ObjectId, clientId),
            ["preferred_username"] = user.UserName,
            ["name"] = user.DisplayName,
            ["uti"] = NewTokenId(),
        };
        if (!string.IsNullOrEmpty(nonce))
        {
            claims["nonce"] = nonce;
        }

        return _handler.CreateToken(Descriptor(urls.IssuerV2, clientId, now, now + options.Value.AccessTokenLifetime, claims));
    }

    private Dictionary<string, object> CommonAccessClaims(IdentityUrls urls, Guid objectId, string clientId, string idtyp, bool clientAuthenticated) => new()
    {
        ["ver"] = "1.0",
        ["tid"] = urls.TenantSegment,
        ["oid"] = objectId.ToString("D"),
        ["appid"] = clientId,
        // 0 = public client, 1 = client secret (access-token-claims-reference, appidacr).
        ["appidacr"] = clientAuthenticated ? "1" : "0",
        ["idp"] = urls.IssuerV1,
        ["idtyp"] = idtyp,
        ["uti"] = NewTokenId(),
    };

    private IssuedAccessToken CreateAccessToken(IdentityUrls urls, string resource, Dictionary<string, object> claims)
    {
        var now = time.GetUtcNow();
        var lifetime = options.Value.AccessTokenLifetime;
        var token = _handler.CreateToken(Descriptor(urls.IssuerV1, resource, now, now + lifetime, claims));
        // Entra reports one second less than the lifetime (3599 for an hour): a client that trusts expires_in
        // never uses a token past its exp.
        return new IssuedAccessToken(token, (int)lifetime.TotalSeconds - 1);
    }

    private SecurityTokenDescriptor Descriptor(string issuer, string audience, DateTimeOffset now, DateTimeOffset expires, Dictionary<string, object> claims) => new()
    {
        Issuer = issuer,
        Audience = audience,
        IssuedAt = now.UtcDateTime,
        NotBefore = now.UtcDateTime,
        Expires = expires.UtcDateTime,
        Claims = claims,
        SigningCredentials = key.Credentials,
    };

    /// <summary>Entra's sub is pairwise: the same user has a different subject in each application.</summary>
    private static string PairwiseSubject(Guid objectId, string clientId) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes($"{objectId:D}:{clientId.ToUpperInvariant()}")));

    private static string NewTokenId() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
}
