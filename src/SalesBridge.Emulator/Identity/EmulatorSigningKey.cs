using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace SalesBridge.Emulator.Identity;

/// <summary>
/// The RSA key that signs every token. It is generated per process: tokens from an earlier run must not
/// validate, just as tokens from another tenant would not.
/// </summary>
internal sealed class EmulatorSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public EmulatorSigningKey()
    {
        SecurityKey = new RsaSecurityKey(_rsa);
        // The JWK thumbprint is stable for the key and URL-safe, which makes it a good kid.
        KeyId = Base64UrlEncoder.Encode(SecurityKey.ComputeJwkThumbprint());
        SecurityKey.KeyId = KeyId;
        Credentials = new SigningCredentials(SecurityKey, SecurityAlgorithms.RsaSha256);
    }

    public string KeyId { get; }

    public RsaSecurityKey SecurityKey { get; }

    public SigningCredentials Credentials { get; }

    public bool Verify(ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> signature) =>
        _rsa.VerifyData(signedData, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>The public half as a JWK, in the shape Entra's keys endpoint uses.</summary>
    public Dictionary<string, object> PublicJwk(string issuer)
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["issuer"] = issuer,
        };
    }

    public void Dispose() => _rsa.Dispose();
}
