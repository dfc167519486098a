using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesBridge.Dataverse.Authentication;
using SalesBridge.Emulator.Identity;

// Not ...Tests.Authentication: that would shadow SalesBridge.Dataverse.Authentication in the other test folders.
namespace SalesBridge.Dataverse.Tests.TokenProviders;

public sealed class ClientCredentialsTokenProviderTests(HttpsEmulatorFixture emulator) : IClassFixture<HttpsEmulatorFixture>
{
    [Fact]
    public async Task WhoAmIAsync_ClientCredentialsOverHttps_ReturnsTheIntegrationUser()
    {
        var client = emulator.Client(new ClientCredentialsTokenProvider(emulator.ApplicationUser(), emulator.MsalHttpClients));

        var me = await client.WhoAmIAsync();

        me.UserId.ShouldBe(emulator.Integration.Id);
    }

    [Fact]
    public async Task GetTokenAsync_WrongSecret_ThrowsAuthenticationExceptionWithEntraCode()
    {
        var tokens = new ClientCredentialsTokenProvider(emulator.ApplicationUser(secret: "not-the-secret"), emulator.MsalHttpClients);

        var failure = await Should.ThrowAsync<DataverseAuthenticationException>(() => tokens.GetTokenAsync(new TokenRequest(emulator.Resource, false), default).AsTask());

        failure.ShouldNotBeOfType<DataverseSignInRequiredException>();
        failure.ErrorCode.ShouldBe("invalid_client");
        failure.Message.ShouldContain("AADSTS7000215");
        failure.Message.ShouldNotContain("not-the-secret");
    }

    [Fact]
    public async Task WhoAmIAsync_WrongSecret_FailsWithAuthenticationExceptionNotUnreachable()
    {
        var client = emulator.Client(new ClientCredentialsTokenProvider(emulator.ApplicationUser(secret: "not-the-secret"), emulator.MsalHttpClients));

        await Should.ThrowAsync<DataverseAuthenticationException>(() => client.WhoAmIAsync());
    }

    [Fact]
    public async Task GetTokenAsync_Twice_ReturnsTheCachedToken()
    {
        var tokens = new ClientCredentialsTokenProvider(emulator.ApplicationUser(), emulator.MsalHttpClients);

        var first = await tokens.GetTokenAsync(new TokenRequest(emulator.Resource, false), default);
        var second = await tokens.GetTokenAsync(new TokenRequest(emulator.Resource, false), default);

        second.Token.ShouldBe(first.Token);
        first.ExpiresOn.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(55));
    }

    [Fact]
    public async Task GetTokenAsync_ForceRefresh_ReturnsANewToken()
    {
        var tokens = new ClientCredentialsTokenProvider(emulator.ApplicationUser(), emulator.MsalHttpClients);
        var first = await tokens.GetTokenAsync(new TokenRequest(emulator.Resource, false), default);

        var refreshed = await tokens.GetTokenAsync(new TokenRequest(emulator.Resource, ForceRefresh: true), default);

        refreshed.Token.ShouldNotBe(first.Token);
        (await tokens.GetTokenAsync(new TokenRequest(emulator.Resource, false), default)).Token.ShouldBe(refreshed.Token);
    }

    [Fact]
    public async Task GetTokenAsync_CachedTokenWithinFiveMinutesOfExpiry_GetsANewOneBeforeItLapses()
    {
        // Tokens that live four minutes are inside MSAL's five-minute refresh margin from the moment they arrive.
        var identity = emulator.Server.Services.GetRequiredService<IOptions<EmulatorIdentityOptions>>().Value;
        var usual = identity.AccessTokenLifetime;
        identity.AccessTokenLifetime = TimeSpan.FromMinutes(4);
        try
        {
            var tokens = new ClientCredentialsTokenProvider(emulator.ApplicationUser(), emulator.MsalHttpClients);
            var first = await tokens.GetTokenAsync(new TokenRequest(emulator.Resource, false), default);

            var second = await tokens.GetTokenAsync(new TokenRequest(emulator.Resource, false), default);

            first.ExpiresOn.ShouldBeLessThan(DateTimeOffset.UtcNow.AddMinutes(5));
            second.Token.ShouldNotBe(first.Token);
        }
        finally
        {
            identity.AccessTokenLifetime = usual;
        }
    }

    [Fact]
    public void ToString_OptionsAndProvider_DoNotShowTheSecret()
    {
        var options = emulator.ApplicationUser(secret: "very-secret-value");

        options.ToString().ShouldNotContain("very-secret-value");
        new ClientCredentialsTokenProvider(options).ToString().ShouldNotContain("very-secret-value");
        options.ToString().ShouldContain(options.ClientId);
    }

    [Fact]
    public void AddClientCredentialsTokenProvider_Registered_ResolvesAsTheTokenProvider()
    {
        var services = new ServiceCollection();
        services.AddClientCredentialsTokenProvider(options =>
        {
            options.TenantId = emulator.TenantId;
            options.ClientId = Guid.NewGuid().ToString();
            options.ClientSecret = "secret";
        });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ITokenProvider>().ShouldBeOfType<ClientCredentialsTokenProvider>();
    }

    [Fact]
    public void AddClientCredentialsTokenProvider_NonEntraAuthorityNotAllowed_FailsValidation()
    {
        var services = new ServiceCollection();
        services.AddClientCredentialsTokenProvider(options =>
        {
            options.TenantId = emulator.TenantId;
            options.ClientId = Guid.NewGuid().ToString();
            options.ClientSecret = "secret";
            options.Authority = new Uri($"https://login.example.com/{emulator.TenantId}");
        });
        using var provider = services.BuildServiceProvider();

        var failure = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ClientCredentialsTokenProviderOptions>>().Value);
        failure.Message.ShouldContain("not an Entra ID host");
    }
}
