using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SalesBridge.Emulator.Hosting;

/// <summary>
/// The self-signed TLS certificate the emulator serves https with: made in memory at start, valid for
/// <c>127.0.0.1</c>, <c>::1</c> and <c>localhost</c>, for a day. Nothing trusts it, so clients pin it
/// (compare the certificate the server presents with <see cref="EmulatorServer.Certificate"/>).
/// </summary>
public static class EmulatorCertificate
{
    /// <summary>Long enough for a demo session, short enough that a leaked key is soon worthless.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(1);

    /// <summary>
    /// A new certificate valid from a few minutes before <paramref name="clock"/>'s now. Pass the machine clock:
    /// TLS peers check validity against it, not against an emulator's simulated time.
    /// </summary>
    public static X509Certificate2 Create(TimeProvider clock)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=SalesBridge Emulator", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));

        var now = clock.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Validity));
        // An ephemeral key cannot be used by SslStream on every platform (Windows needs it in a key store);
        // a round trip through PKCS#12 gives a certificate that works everywhere.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }

    /// <summary>True when <paramref name="presented"/> is exactly <paramref name="pinned"/> (same SHA-256 of the DER bytes).</summary>
    public static bool Matches(X509Certificate2 pinned, X509Certificate? presented) =>
        presented is not null && pinned.GetCertHashString(HashAlgorithmName.SHA256) == presented.GetCertHashString(HashAlgorithmName.SHA256);
}
