namespace SalesBridge.Dataverse.Tests.Operations;

public sealed class OrganizationUrlTests
{
    [Theory]
    [InlineData("https://contoso.crm.dynamics.com")]
    [InlineData("https://contoso.crm4.dynamics.com/")]
    [InlineData("https://contoso.crm.microsoftdynamics.us")]
    public void Problem_OnlineOrg_None(string url) => OrganizationUrl.Problem(new Uri(url), allowNonDynamicsHost: false).ShouldBeNull();

    [Theory]
    [InlineData("http://contoso.crm.dynamics.com", "https")]
    [InlineData("https://crm.contoso.local", "on-premises")]
    [InlineData("https://contoso.crm.dynamics.com.evil.example", "on-premises")]
    [InlineData("https://contoso.crm.dynamics.com/XRMServices", "path")]
    [InlineData("https://user:pw@contoso.crm.dynamics.com", "password")]
    [InlineData("https://contoso.crm.dynamics.com/?x=1", "query")]
    [InlineData("https://dynamics.com", "on-premises")]
    public void Problem_NotAnOnlineOrg_SaysWhy(string url, string reason) =>
        OrganizationUrl.Problem(new Uri(url), allowNonDynamicsHost: false)!.ShouldContain(reason);

    [Theory]
    [InlineData("contoso.crm4.dynamics.com", true)]
    [InlineData("CONTOSO.CRM.DYNAMICS.COM", true)]
    [InlineData("contoso.crm.microsoftdynamics.us", true)]
    [InlineData("crm.contoso.local", false)]
    [InlineData("contoso.crm.contoso.com", false)]
    [InlineData("dynamics.com", false)]
    [InlineData("contoso.crm.dynamics.com.evil.example", false)]
    public void IsOnlineHost_Host_TrueOnlyUnderOnlineDomains(string host, bool online) => OrganizationUrl.IsOnlineHost(host).ShouldBe(online);

    [Fact]
    public void Problem_EmulatorWhenAllowed_None() =>
        OrganizationUrl.Problem(new Uri("http://127.0.0.1:5199/contoso"), allowNonDynamicsHost: true).ShouldBeNull();

    [Fact]
    public void Factory_InvalidUrl_RefusesToCreate()
    {
        var factory = new DataverseClientFactory(new NoHttpClients(), TimeProvider.System);

        Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => factory.Create(
            new DataverseClientOptions { OrganizationUrl = new Uri("https://crm.internal.example") }, new Authentication.FixedTokenProvider("t")))
            .Message.ShouldContain("on-premises");
    }

    private sealed class NoHttpClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("Not reached for invalid options.");
    }
}
