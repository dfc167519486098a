using SalesBridge.Dataverse.Authentication;

// Not ...Tests.Authentication: that would shadow SalesBridge.Dataverse.Authentication in the other test folders.
namespace SalesBridge.Dataverse.Tests.TokenProviders;

public sealed class EntraApplicationOptionsValidatorTests
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private static ClientCredentialsTokenProviderOptions Valid() => new()
    {
        TenantId = Tenant, ClientId = "5b1d3c8e-0d5a-4c1e-9f7a-2a6e4d9b7c10", ClientSecret = "secret",
    };

    private static string? Problem(Action<ClientCredentialsTokenProviderOptions> change)
    {
        var options = Valid();
        change(options);
        var result = EntraApplicationOptionsValidator<ClientCredentialsTokenProviderOptions>.Check(options);
        return result.Failed ? result.FailureMessage : null;
    }

    [Fact]
    public void Check_DefaultAuthority_IsEntraPublicCloudForTheTenant()
    {
        Problem(_ => { }).ShouldBeNull();
        Valid().EffectiveAuthority.ShouldBe(new Uri($"https://login.microsoftonline.com/{Tenant}"));
    }

    [Theory]
    [InlineData("not-a-guid", "TenantId")]
    [InlineData("", "TenantId")]
    public void Check_BadTenant_Fails(string tenant, string expected) => Problem(o => o.TenantId = tenant).ShouldNotBeNull().ShouldContain(expected);

    [Fact]
    public void Check_BadClientId_Fails() => Problem(o => o.ClientId = "my-app").ShouldNotBeNull().ShouldContain("ClientId");

    [Fact]
    public void Check_NoCredential_Fails() => Problem(o => o.ClientSecret = null).ShouldNotBeNull().ShouldContain("exactly one credential");

    [Fact]
    public void Check_HttpAuthority_Fails() =>
        Problem(o => { o.Authority = new Uri($"http://127.0.0.1:5000/{Tenant}"); o.AllowNonEntraAuthority = true; }).ShouldNotBeNull().ShouldContain("https");

    [Fact]
    public void Check_OtherHostWithoutAllowNonEntra_Fails() =>
        Problem(o => o.Authority = new Uri($"https://127.0.0.1:5000/{Tenant}")).ShouldNotBeNull().ShouldContain("not an Entra ID host");

    [Fact]
    public void Check_OtherHostWithAllowNonEntra_Passes() =>
        Problem(o => { o.Authority = new Uri($"https://127.0.0.1:5000/{Tenant}"); o.AllowNonEntraAuthority = true; }).ShouldBeNull();

    [Fact]
    public void Check_AuthorityOfAnotherTenant_Fails() =>
        Problem(o => o.Authority = new Uri("https://login.microsoftonline.com/common")).ShouldNotBeNull().ShouldContain(Tenant);

    [Fact]
    public void Check_SovereignCloudAuthority_Passes() =>
        Problem(o => o.Authority = new Uri($"https://login.microsoftonline.us/{Tenant}")).ShouldBeNull();

    [Theory]
    [InlineData("organizations")]
    [InlineData("common")]
    public void Check_MultiTenantSegmentForAuthorizationCode_Passes(string tenant)
    {
        var options = new AuthorizationCodeTokenProviderOptions
        {
            TenantId = tenant, ClientId = "5b1d3c8e-0d5a-4c1e-9f7a-2a6e4d9b7c10", ClientSecret = "secret", RedirectUri = new Uri("https://salesbridge.example/Admin/Crm/SignedIn"),
        };

        EntraApplicationOptionsValidator<AuthorizationCodeTokenProviderOptions>.Check(options).Failed.ShouldBeFalse();
        options.EffectiveAuthority.ShouldBe(new Uri($"https://login.microsoftonline.com/{tenant}"));
    }

    [Fact]
    public void Check_OtherWordForAuthorizationCode_FailsNamingTheChoices()
    {
        var options = new AuthorizationCodeTokenProviderOptions
        {
            TenantId = "contoso", ClientId = "5b1d3c8e-0d5a-4c1e-9f7a-2a6e4d9b7c10", ClientSecret = "secret", RedirectUri = new Uri("https://salesbridge.example/Admin/Crm/SignedIn"),
        };

        EntraApplicationOptionsValidator<AuthorizationCodeTokenProviderOptions>.Check(options).FailureMessage.ShouldNotBeNull()
            .ShouldContain("TenantId must be the directory (tenant) id, a GUID, or organizations or common for a multi-tenant app.");
    }

    [Theory]
    [InlineData("organizations")]
    [InlineData("common")]
    public void Check_MultiTenantSegmentForClientCredentials_Fails(string tenant) =>
        Problem(o => { o.TenantId = tenant; o.Authority = new Uri($"https://login.microsoftonline.com/{tenant}"); })
            .ShouldNotBeNull().ShouldContain("TenantId must be the directory (tenant) id, a GUID.");
}
