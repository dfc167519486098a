using System.Security.Cryptography.X509Certificates;

namespace SalesBridge.Web.Hosting;

/// <summary>
/// How the Data Protection keys (which encrypt CRM secrets, cookies and tokens) are themselves protected at rest
/// (configuration section <c>DataProtection</c>). Without a certificate they lie unencrypted in the data folder,
/// readable by whoever can read that folder; with one, only a holder of its private key can use them.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A .pfx with a private key that encrypts the key ring (e.g. mounted from a secret store).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The .pfx's password; from an environment variable or secret store (<c>DataProtection__CertificatePassword</c>).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The certificate, or null when none is configured.</summary>
    /// <exception cref="InvalidOperationException">The file cannot be read, or it has no private key.</exception>
    public X509Certificate2? LoadCertificate()
    {
        if (string.IsNullOrWhiteSpace(CertificatePath)) return null;
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, CertificatePassword);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath '{CertificatePath}' could not be read as a .pfx (wrong path or password?): {failure.Message}", failure);
        }
        return certificate.HasPrivateKey ? certificate
            : throw new InvalidOperationException($"DataProtection:CertificatePath '{CertificatePath}' holds no private key; the key ring cannot be decrypted with it.");
    }
}
