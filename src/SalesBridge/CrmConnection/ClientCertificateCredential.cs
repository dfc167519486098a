using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SalesBridge.Errors;

namespace SalesBridge.CrmConnection;

/// <summary>
/// An application user's certificate (SPEC S1: "client id and secret or certificate"): read from the PFX an admin
/// uploads, kept as a PFX without password (the stored copy is protected by <see cref="CrmSecretProtector"/>, so a
/// second secret would add nothing and would have to be stored too), and described by thumbprint and expiry only.
/// </summary>
public static class ClientCertificateCredential
{
    /// <summary>A PFX of an RSA key and its certificate is a few KiB; anything near this is not one.</summary>
    public const int MaxPfxBytes = 64 * 1024;

    /// <summary>Within this many days of its expiry, the connection's status warns that the certificate must be renewed.</summary>
    public static readonly TimeSpan RenewalWarning = TimeSpan.FromDays(30);

    /// <summary>
    /// Reads the uploaded PFX (base64) with its password and re-exports it without one.
    /// </summary>
    /// <exception cref="RequestValidationException">Not base64, too large, not a PFX, wrong password, or no private key (never echoing the password).</exception>
    public static byte[] ReadUpload(string base64, string? password)
    {
        byte[] pfx;
        try
        {
            pfx = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw Invalid("clientCertificate must be the base64 of a .pfx (PKCS#12) file.");
        }

        if (pfx.Length > MaxPfxBytes) throw Invalid($"clientCertificate must be a .pfx file of at most {MaxPfxBytes / 1024} KiB.");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12(pfx, password, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            throw Invalid("clientCertificate could not be read: it is not a .pfx (PKCS#12) file, or clientCertificatePassword is not its password.");
        }

        using (certificate)
        {
            using var key = certificate.GetRSAPrivateKey();
            if (key is null)
            {
                throw Invalid("clientCertificate holds no RSA private key: export the certificate with its private key (.pfx), not only the public .cer.");
            }

            return certificate.Export(X509ContentType.Pkcs12);
        }
    }

    /// <summary>The stored certificate, with its private key, for signing client assertions.</summary>
    public static X509Certificate2 Load(byte[] pfx) => X509CertificateLoader.LoadPkcs12(pfx, null, X509KeyStorageFlags.EphemeralKeySet);

    /// <summary>What admins see of it: "certificate 1A2B…, expires 2027-01-31" (never the key).</summary>
    public static string Describe(X509Certificate2 certificate) =>
        $"certificate {certificate.Thumbprint}, expires {ExpiresOn(certificate):yyyy-MM-dd}";

    /// <summary>A warning for a certificate that expires within <see cref="RenewalWarning"/>; null otherwise (or when already expired: that fails the check).</summary>
    public static string? RenewalWarningFor(X509Certificate2 certificate, DateTimeOffset now)
    {
        var expires = ExpiresOn(certificate);
        return expires > now && expires - now <= RenewalWarning
            ? $"The certificate {certificate.Thumbprint} of the application user expires on {expires:yyyy-MM-dd}; register a new one on the app in Entra ID and reconnect with it before then."
            : null;
    }

    /// <summary>The cause of a failed check when the certificate has expired; null while it is valid.</summary>
    public static string? ExpiredCause(X509Certificate2 certificate, DateTimeOffset now) =>
        now >= ExpiresOn(certificate)
            ? $"The certificate {certificate.Thumbprint} of the application user expired on {ExpiresOn(certificate):yyyy-MM-dd}; register a new one on the app in Entra ID and reconnect with it under CRM Settings."
            : null;

    public static DateTimeOffset ExpiresOn(X509Certificate2 certificate) => new(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);

    private static RequestValidationException Invalid(string message) => new("clientCertificate", message);
}
