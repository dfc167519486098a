using System.Net;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Tests.Infrastructure;

namespace SalesBridge.Emulator.Tests.WebApi;

/// <summary>One emulator process serving several orgs, each with its own users, data and URL.</summary>
public sealed class MultiOrgTests : IAsyncLifetime
{
    private EmulatorServer _server = null!;

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { Size = "tiny" };
        options.AdditionalOrgs.Add(new AdditionalOrg("contoso", Seed: 11));
        options.AdditionalOrgs.Add(new AdditionalOrg("fabrikam", Seed: 12, Version: "9.1.0.1", OrganizationType: 6));
        _server = await EmulatorServer.StartAsync(options);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task EachOrg_HasItsOwnUrlUsersAndData()
    {
        var orgs = _server.Services.GetService(typeof(OrgDirectory)) as OrgDirectory;
        var contoso = orgs!.Find("contoso")!;
        var contosoApp = contoso.Store.Table("systemuser").InKeyOrder().Single(u => u["applicationid"] is Guid);
        var token = await TokenClient.ClientCredentialsAsync(_server, ((Guid)contosoApp["applicationid"]!).ToString(), "contoso-integration-secret");
        using var client = new HttpClient { BaseAddress = new Uri(_server.BaseUri, "contoso/api/data/v9.2/") };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var whoAmI = await (await client.GetAsync("WhoAmI()")).JsonAsync();
        var created = await client.CreateAsync("accounts", new { name = "Only in Contoso" });

        whoAmI.GetProperty("UserId").GetGuid().ShouldBe(contosoApp.Id);
        whoAmI.GetProperty("OrganizationId").GetGuid().ShouldBe(contoso.Settings.OrganizationId);
        contoso.Store.Find("account", created).ShouldNotBeNull();
        _server.Org.Store.Find("account", created).ShouldBeNull();
        orgs.Find("fabrikam")!.Store.Find("account", created).ShouldBeNull();
    }

    [Fact]
    public async Task TokenForTheOrgsPathUrl_IsAcceptedThere()
    {
        var orgs = (OrgDirectory)_server.Services.GetService(typeof(OrgDirectory))!;
        var contosoApp = orgs.Find("contoso")!.Store.Table("systemuser").InKeyOrder().Single(u => u["applicationid"] is Guid);
        using var http = new HttpClient();
        var tokenResponse = await http.PostAsync(_server.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = ((Guid)contosoApp["applicationid"]!).ToString(),
            ["client_secret"] = "contoso-integration-secret", ["scope"] = $"{_server.BaseUri}contoso/.default",
        }));
        var token = (await tokenResponse.JsonAsync()).GetProperty("access_token").GetString();
        using var client = new HttpClient { BaseAddress = new Uri(_server.BaseUri, "contoso/api/data/v9.2/") };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var whoAmI = await (await client.GetAsync("WhoAmI()")).JsonAsync();

        whoAmI.GetProperty("UserId").GetGuid().ShouldBe(contosoApp.Id);
    }

    [Fact]
    public async Task UserOfOneOrg_IsNotAMemberOfAnother()
    {
        var defaultApp = _server.World.Spec;
        var token = await TokenClient.ClientCredentialsAsync(_server, defaultApp.IntegrationClientId.ToString(), defaultApp.IntegrationClientSecret);
        using var client = new HttpClient { BaseAddress = new Uri(_server.BaseUri, "fabrikam/api/data/v9.2/") };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var response = await client.GetAsync("WhoAmI()");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OrgSettings_ArePerOrg()
    {
        var orgs = (OrgDirectory)_server.Services.GetService(typeof(OrgDirectory))!;
        var fabrikam = orgs.Find("fabrikam")!;
        var app = fabrikam.Store.Table("systemuser").InKeyOrder().Single(u => u["applicationid"] is Guid);
        var token = await TokenClient.ClientCredentialsAsync(_server, ((Guid)app["applicationid"]!).ToString(), "fabrikam-integration-secret");
        using var client = new HttpClient { BaseAddress = new Uri(_server.BaseUri, "fabrikam/api/data/v9.2/") };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var version = await (await client.GetAsync("RetrieveVersion()")).JsonAsync();
        var organization = await (await client.GetAsync("RetrieveCurrentOrganization(AccessType=Microsoft.Dynamics.CRM.EndpointAccessType'Default')")).JsonAsync();

        version.GetProperty("Version").GetString().ShouldBe("9.1.0.1");
        organization.GetProperty("Detail").GetProperty("OrganizationType").GetString().ShouldBe("CustomerFreeTest");
        organization.GetProperty("Detail").GetProperty("UrlName").GetString().ShouldBe("fabrikam");
        organization.GetProperty("Detail").GetProperty("TenantId").GetString().ShouldBe(_server.Org.Settings.TenantId.ToString());
    }

    [Fact]
    public async Task UnknownOrgName_Returns404()
    {
        using var client = new HttpClient { BaseAddress = _server.BaseUri };

        var response = await client.GetAsync("nosuchorg/api/data/v9.2/WhoAmI()");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
