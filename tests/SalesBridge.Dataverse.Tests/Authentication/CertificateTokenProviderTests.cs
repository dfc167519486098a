using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SalesBridge.Dataverse.Authentication;

// Not ...Tests.Authentication: that would shadow SalesBridge.Dataverse.Authentication in the other test folders.
namespace SalesBridge.Dataverse.Tests.TokenProviders;

/// <summary>An application user signing in with a certificate (MSAL's WithCertificate) against the emulator over https.</summary>
public sealed class CertificateTokenProviderTests(HttpsEmulatorFixture emulator) : IClassFixture<HttpsEmulatorFixture>
{
    [Fact]
    public async Task WhoAmIAsync_RegisteredCertificate_ReturnsTheIntegrationUser()
    {
        using var certificate = CreateCertificate();
        emulator.Server.Credentials.AddClientCertificate(emulator.Server.World.Spec.IntegrationClientId, certificate);
        var client = emulator.Client(new ClientCredentialsTokenProvider(WithCertificate(certificate), emulator.MsalHttpClients));

        var me = await client.WhoAmIAsync();

        me.UserId.ShouldBe(emulator.Integration.Id);
    }

    [Fact]
    public async Task GetTokenAsync_UnregisteredCertificate_ThrowsAuthenticationExceptionWithAadsts700027()
    {
        using var certificate = CreateCertificate();
        var tokens = new ClientCredentialsTokenProvider(WithCertificate(certificate), emulator.MsalHttpClients);

        var failure = await Should.ThrowAsync<DataverseAuthenticationException>(() => tokens.GetTokenAsync(new TokenRequest(emulator.Resource, false), default).AsTask());

        failure.ErrorCode.ShouldBe("invalid_client");
        failure.Message.ShouldContain("AADSTS700027");
    }

    private ClientCredentialsTokenProviderOptions WithCertificate(X509Certificate2 certificate)
    {
        var options = emulator.ApplicationUser();
        options.ClientSecret = null;
        options.ClientCertificate = certificate;
        return options;
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=SalesBridge integration", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
