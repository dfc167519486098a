using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesBridge.Dataverse.Authentication;

// Not ...Tests.Authentication: that would shadow SalesBridge.Dataverse.Authentication in the other test folders.
namespace SalesBridge.Dataverse.Tests.TokenProviders;

public sealed class AuthorizationCodeTokenProviderFactoryTests(HttpsEmulatorFixture emulator) : IClassFixture<HttpsEmulatorFixture>
{
    [Fact]
    public async Task AddAuthorizationCodeTokenProviders_ProviderPerConnection_SignsInAndReachesTheOrg()
    {
        var services = new ServiceCollection();
        services.AddAuthorizationCodeTokenProviders(options =>
        {
            var webApp = emulator.WebApp();
            options.TenantId = webApp.TenantId;
            options.ClientId = webApp.ClientId;
            options.ClientSecret = webApp.ClientSecret;
            options.Authority = webApp.Authority;
            options.AllowNonEntraAuthority = true;
            options.RedirectUri = webApp.RedirectUri;
        }).ConfigurePrimaryHttpMessageHandler(emulator.PinnedHandler);
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<AuthorizationCodeTokenProviderFactory>();

        var tokens = factory.Create(new InMemoryTokenCacheStore());
        var request = await tokens.StartSignInAsync(emulator.Resource, emulator.Admin.DomainName);
        var (code, state) = await emulator.SignInAsync(request.AuthorizationUrl, emulator.Admin);
        await tokens.CompleteSignInAsync(request, code, state);
        var me = await emulator.Client(tokens).WhoAmIAsync();

        me.UserId.ShouldBe(emulator.Admin.Id);
    }

    [Fact]
    public void AddAuthorizationCodeTokenProviders_NonEntraAuthorityNotAllowed_FailsValidation()
    {
        var services = new ServiceCollection();
        services.AddAuthorizationCodeTokenProviders(options =>
        {
            options.TenantId = emulator.TenantId;
            options.ClientId = HttpsEmulatorFixture.WebAppClientId;
            options.ClientSecret = HttpsEmulatorFixture.WebAppSecret;
            options.Authority = new Uri(emulator.Server.BaseUri, emulator.TenantId);
            options.RedirectUri = HttpsEmulatorFixture.RedirectUri;
        });
        using var provider = services.BuildServiceProvider();

        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<AuthorizationCodeTokenProviderFactory>().Create(new InMemoryTokenCacheStore()));
    }
}
