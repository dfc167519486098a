using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.CrmConnection;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Hosting;

/// <summary>DataProtection:CertificatePath encrypts the key ring that protects CRM secrets, so the keys are not plain text at rest.</summary>
public sealed class KeyProtectionTests
{
    [Fact]
    public async Task Keys_WithACertificate_AreWrittenEncryptedAndStillProtectSecrets()
    {
        var folder = Directory.CreateTempSubdirectory("salesbridge-keycert-");
        try
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=SalesBridge key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var pfx = Path.Combine(folder.FullName, "keyring.pfx");
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "Pfx-Pass-1"));

            await using var host = await WorkspaceHost.StartAsync(TestDatabases.Sqlite,
                settings: [$"--DataProtection:CertificatePath={pfx}", "--DataProtection:CertificatePassword=Pfx-Pass-1"]);
            var protector = host.Services.GetRequiredService<CrmSecretProtector>();
            var stored = protector.Protect("client-secret-value");

            protector.Unprotect(stored).ShouldBe("client-secret-value");
            var keys = Path.Combine(host.Services.GetRequiredService<IConfiguration>()["Database:DataDirectory"]!, "keys");
            var xml = string.Concat(Directory.GetFiles(keys, "*.xml").Select(File.ReadAllText));
            xml.ShouldContain("encryptedSecret");
            xml.ShouldContain(Convert.ToBase64String(certificate.RawData), customMessage: "the key is encrypted to this certificate");
            xml.ShouldNotContain("<masterKey");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Start_CertificateWithoutPrivateKey_RefusedNamingTheSetting()
    {
        var folder = Directory.CreateTempSubdirectory("salesbridge-keycert-");
        try
        {
            using var key = RSA.Create(2048);
            using var certificate = new CertificateRequest("CN=public only", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var publicOnly = Path.Combine(folder.FullName, "public.pfx");
            using (var exported = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert)))
            {
                await File.WriteAllBytesAsync(publicOnly, exported.Export(X509ContentType.Pkcs12));
            }

            var refusal = await Should.ThrowAsync<InvalidOperationException>(() =>
                WorkspaceHost.StartAsync(TestDatabases.Sqlite, settings: [$"--DataProtection:CertificatePath={publicOnly}"]));

            refusal.Message.ShouldContain("DataProtection:CertificatePath");
            refusal.Message.ShouldContain("no private key");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
