using System.Security.Cryptography;
using System.Text;

namespace SalesBridge.Emulator.Schema;

/// <summary>
/// Deterministic GUIDs for metadata, so that MetadataIds and privilege ids stay the same across restarts,
/// as they do in a real org.
/// </summary>
public static class StableId
{
    public static Guid For(params string[] parts)
    {
        var bytes = MD5.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts)));
        return new Guid(bytes);
    }
}
