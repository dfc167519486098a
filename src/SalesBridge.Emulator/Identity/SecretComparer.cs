using System.Security.Cryptography;
using System.Text;

namespace SalesBridge.Emulator.Identity;

/// <summary>Compares passwords and client secrets in constant time, so timing reveals nothing about them.</summary>
internal static class SecretComparer
{
    public static bool Matches(string? presented, string? expected) =>
        presented is not null && expected is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
