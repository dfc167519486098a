using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SalesBridge.Emulator.Hosting;

namespace SalesBridge.Web.Tests.Infrastructure;

/// <summary>Application-user certificates made for a test, and their registration on the emulator's integration app.</summary>
public static class TestCertificates
{
    public const string PfxPassword = "Pfx-Password-4711!";

    public static X509Certificate2 Create(DateTimeOffset? notAfter = null, DateTimeOffset? notBefore = null)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=SalesBridge integration (test)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddYears(1));
    }

    /// <summary>A certificate registered on the default org's integration app (harmless to the shared emulator: an app may have several).</summary>
    public static X509Certificate2 Registered(EmulatorServer emulator, DateTimeOffset? notAfter = null)
    {
        var certificate = Create(notAfter);
        emulator.Credentials.AddClientCertificate(emulator.World.Spec.IntegrationClientId, certificate);
        return certificate;
    }

    /// <summary>The certificate with its private key as a password-protected .pfx, base64 (what the API takes).</summary>
    public static string PfxBase64(X509Certificate2 certificate, string? password = PfxPassword) =>
        Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12, password));

    /// <summary>The body of <c>POST .../application-user</c> with a certificate instead of a secret.</summary>
    public static Dictionary<string, string?> ApplicationUser(EmulatorServer emulator, string? certificate, string? password = PfxPassword, string? secret = null) => new()
    {
        ["organizationUrl"] = emulator.BaseUri.ToString(),
        ["tenantId"] = emulator.Org.Settings.TenantId.ToString(),
        ["clientId"] = emulator.World.Spec.IntegrationClientId.ToString(),
        ["clientSecret"] = secret,
        ["clientCertificate"] = certificate,
        ["clientCertificatePassword"] = password,
    };
}
