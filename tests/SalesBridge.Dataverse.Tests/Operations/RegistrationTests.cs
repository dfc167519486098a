using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesBridge.Dataverse.Authentication;
using SalesBridge.Dataverse.Tests.Infrastructure;

namespace SalesBridge.Dataverse.Tests.Operations;

[Collection("Dataverse")]
public sealed class RegistrationTests(DataverseFixture dataverse)
{
    [Fact]
    public async Task AddDataverseClient_TypedClient_TalksToTheOrgAndSharesCounts()
    {
        var token = await dataverse.ClientCredentialsTokenAsync();
        var services = new ServiceCollection();
        services.AddSingleton<ITokenProvider>(new FixedTokenProvider(token));
        services.AddDataverseClient(o =>
        {
            o.OrganizationUrl = dataverse.Server.BaseUri;
            o.AllowNonDynamicsHost = true;
        });
        await using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<DataverseClient>();
        await first.WhoAmIAsync();
        var second = provider.GetRequiredService<DataverseClient>();

        second.Calls.Requests.ShouldBe(1);
    }

    [Fact]
    public void DataverseHttpClients_HaveNoOverallTimeout_SoBudgetAndRetryAfterWaitsAreNotCut()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ITokenProvider>(new FixedTokenProvider("t"));
        services.AddDataverseClient(o => o.OrganizationUrl = dataverse.Server.BaseUri);
        services.AddDataverseClientFactory();
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        // HttpClient's own 100 s would end a request still waiting for the org's request budget (a 5-minute window).
        factory.CreateClient(nameof(DataverseClient)).Timeout.ShouldBe(Timeout.InfiniteTimeSpan);
        factory.CreateClient(DataverseClientFactory.HttpClientName).Timeout.ShouldBe(Timeout.InfiniteTimeSpan);
    }

    [Fact]
    public void AddDataverseClient_OnPremisesUrl_FailsValidation()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ITokenProvider>(new FixedTokenProvider("t"));
        services.AddDataverseClient(o => o.OrganizationUrl = new Uri("https://crm.contoso.local"));
        using var provider = services.BuildServiceProvider();

        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DataverseClientOptions>>().Value)
            .Message.ShouldContain("on-premises");
    }
}
