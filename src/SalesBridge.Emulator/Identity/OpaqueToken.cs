using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace SalesBridge.Emulator.Identity;

/// <summary>Random handles for codes and refresh tokens: 256 bits, so they cannot be guessed.</summary>
internal static class OpaqueToken
{
    public static string Create() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
}
