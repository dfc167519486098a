using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SalesBridge.CrmConnection;

/// <summary>
/// Self-signed server certificates trusted besides the system's roots: the emulator's, generated at each start, in
/// demo mode and tests. Empty in production, where only certificates that chain to a trusted root are accepted.
/// </summary>
public sealed class ServerCertificatePins
{
    private readonly List<string> _sha256 = [];
    private readonly Lock _lock = new();

    public void Add(X509Certificate2 certificate)
    {
        lock (_lock) _sha256.Add(certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }

    /// <summary>The TLS validation callback: the system's verdict, or a pinned certificate.</summary>
    public bool Accepts(X509Certificate? presented, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None) return true;
        if (presented is null) return false;
        var hash = presented.GetCertHashString(HashAlgorithmName.SHA256);
        lock (_lock) return _sha256.Contains(hash, StringComparer.OrdinalIgnoreCase);
    }
}
