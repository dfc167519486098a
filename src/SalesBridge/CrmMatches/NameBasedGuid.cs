using System.Security.Cryptography;
using System.Text;

namespace SalesBridge.CrmMatches;

/// <summary>
/// RFC 9562 name-based UUIDs (version 5, SHA-1): the same name always gives the same id, so a CRM row created under it
/// can be created only once however often a request is retried (SPEC B6).
/// </summary>
internal static class NameBasedGuid
{
    /// <summary>SalesBridge's namespace for ids of rows it creates in an org (a fixed random UUID).</summary>
    public static readonly Guid CrmRows = new("0c4f5c2e-7d35-4b7e-9a8e-3f1d2b6a9e51");

    public static Guid Create(Guid namespaceId, string name)
    {
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        namespaceId.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(bytes, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
