using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using SalesBridge.Emulator.Hosting;

// Not ...Tests.Authentication: that would shadow SalesBridge.Dataverse.Authentication in the other test folders.
namespace SalesBridge.Dataverse.Tests.TokenProviders;

public sealed class EmulatorHttpsTests(HttpsEmulatorFixture emulator) : IClassFixture<HttpsEmulatorFixture>
{
    [Fact]
    public async Task StartAsync_HttpsUrl_ServesTlsWithTheGeneratedCertificate()
    {
        X509Certificate2? presented = null;
        using var http = new HttpClient(new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    presented = certificate is null ? null : new X509Certificate2(certificate);
                    // Untrusted by the machine (self-signed) but issued for the address we connected to.
                    return errors == SslPolicyErrors.RemoteCertificateChainErrors;
                },
            },
        });

        using var response = await http.GetAsync(new Uri(emulator.Server.BaseUri, $"{emulator.TenantId}/v2.0/.well-known/openid-configuration"));

        emulator.Server.BaseUri.Scheme.ShouldBe("https");
        response.IsSuccessStatusCode.ShouldBeTrue();
        presented.ShouldNotBeNull();
        presented.RawData.ShouldBe(emulator.Server.Certificate!.RawData);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"\"token_endpoint\":\"https://127.0.0.1:{emulator.Server.BaseUri.Port}/");
    }

    [Fact]
    public void Certificate_Generated_IsShortLivedRsa2048ForLoopback()
    {
        var certificate = emulator.Server.Certificate!;

        certificate.GetRSAPublicKey()!.KeySize.ShouldBe(2048);
        certificate.HasPrivateKey.ShouldBeTrue();
        (certificate.NotAfter - certificate.NotBefore).ShouldBeLessThanOrEqualTo(EmulatorCertificate.Validity + TimeSpan.FromMinutes(5));
        certificate.MatchesHostname("127.0.0.1").ShouldBeTrue();
        certificate.MatchesHostname("localhost").ShouldBeTrue();
        certificate.MatchesHostname("example.com").ShouldBeFalse();
    }

    [Fact]
    public async Task StartAsync_HttpUrl_HasNoCertificate()
    {
        await using var plain = await EmulatorServer.StartAsync(new EmulatorOptions { Size = "tiny" });

        plain.BaseUri.Scheme.ShouldBe("http");
        plain.Certificate.ShouldBeNull();
    }
}
