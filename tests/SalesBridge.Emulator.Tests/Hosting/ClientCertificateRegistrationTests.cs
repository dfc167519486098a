using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Identity;
using SalesBridge.Emulator.Tests.Identity;

namespace SalesBridge.Emulator.Tests.Hosting;

/// <summary>Certificates of application users: registered through the options or at run time, public part only.</summary>
public sealed class ClientCertificateRegistrationTests
{
    [Fact]
    public async Task StartAsync_IntegrationClientCertificatesInOptions_AreRegisteredOnTheIntegrationUserWithoutPrivateKeys()
    {
        using var certificate = ClientAssertionGrantTests.CreateCertificate(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var options = new EmulatorOptions { Size = "tiny" };
        options.IntegrationClientCertificates.Add(certificate);
        await using var server = await EmulatorServer.StartAsync(options);

        var application = server.Services.GetRequiredService<ISignInDirectory>().FindApplication(server.World.Spec.IntegrationClientId.ToString())!;

        var registered = application.Certificates.ShouldHaveSingleItem();
        registered.Thumbprint.ShouldBe(certificate.Thumbprint);
        registered.HasPrivateKey.ShouldBeFalse();
    }

    [Fact]
    public void AddClientCertificate_Twice_KeepsBothForTheApplicationOnly()
    {
        using var first = ClientAssertionGrantTests.CreateCertificate(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var second = ClientAssertionGrantTests.CreateCertificate(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var credentials = new OrgCredentials();
        var application = Guid.NewGuid();

        credentials.AddClientCertificate(application, first);
        credentials.AddClientCertificate(application, second);

        credentials.ClientCertificatesOf(application).Select(c => c.Thumbprint).ShouldBe([first.Thumbprint, second.Thumbprint]);
        credentials.ClientCertificatesOf(Guid.NewGuid()).ShouldBeEmpty();
    }
}
