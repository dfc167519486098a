using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace SalesBridge.Emulator.Identity;

/// <summary>Proof Key for Code Exchange (RFC 7636): S256 and plain.</summary>
internal static class Pkce
{
    public static bool IsSupportedMethod(string? method) => method is null or "S256" or "plain";

    public static bool Verifies(string challenge, string? method, string? verifier)
    {
        if (string.IsNullOrEmpty(verifier))
        {
            return false;
        }

        // RFC 7636 §4.3: without a method the challenge is plain.
        var expected = method == "S256" ? Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) : verifier;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(challenge));
    }
}
