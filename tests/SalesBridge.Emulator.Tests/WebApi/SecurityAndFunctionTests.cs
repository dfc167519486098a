using System.Net;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.WebApi;

[Collection("Emulator")]
public sealed class SecurityAndFunctionTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Request_WithoutToken_Returns401WithChallenge()
    {
        var response = await emulator.AnonymousClient().GetAsync("WhoAmI()");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var challenge = response.Headers.GetValues("WWW-Authenticate").Single();
        challenge.ShouldStartWith("Bearer authorization_uri=");
        challenge.ShouldContain($"/{emulator.Server.Org.Settings.TenantId}/oauth2/authorize");
    }

    [Fact]
    public async Task Request_WithGarbageToken_Returns401()
    {
        var response = await emulator.Client("not.a.token").GetAsync("WhoAmI()");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WhoAmI_ApplicationUser_ReturnsItsSystemUser()
    {
        var client = await emulator.ClientAsync();

        var body = await (await client.GetAsync("WhoAmI()")).JsonAsync();

        body.GetProperty("UserId").GetGuid().ShouldBe(emulator.Integration.Id);
        body.GetProperty("BusinessUnitId").GetGuid().ShouldBe(emulator.World.BusinessUnitId);
        body.GetProperty("OrganizationId").GetGuid().ShouldBe(emulator.World.OrganizationId);
        body.GetProperty("@odata.context").GetString().ShouldEndWith("$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
    }

    [Fact]
    public async Task WhoAmI_SignedInUser_ReturnsThatUser()
    {
        var client = await emulator.ClientAsync(emulator.Salesperson);

        var body = await (await client.GetAsync("WhoAmI()")).JsonAsync();

        body.GetProperty("UserId").GetGuid().ShouldBe(emulator.Salesperson.Id);
    }

    [Fact]
    public async Task WhoAmI_Post_Returns404NoResource()
    {
        var client = await emulator.ClientAsync();

        var response = await client.PostAsync("WhoAmI", null);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RetrieveVersion_ReturnsConfiguredVersion()
    {
        var client = await emulator.ClientAsync();

        var body = await (await client.GetAsync("RetrieveVersion()")).JsonAsync();

        body.GetProperty("Version").GetString().ShouldBe("9.2.24044.00150");
    }

    [Fact]
    public async Task RetrieveCurrentOrganization_WithParameterAlias_ReturnsDetail()
    {
        var client = await emulator.ClientAsync();

        var response = await client.GetAsync("RetrieveCurrentOrganization(AccessType=@p)?@p=Microsoft.Dynamics.CRM.EndpointAccessType'Default'");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var detail = (await response.JsonAsync()).GetProperty("Detail");
        detail.GetProperty("OrganizationId").GetGuid().ShouldBe(emulator.World.OrganizationId);
        detail.GetProperty("OrganizationType").GetString().ShouldBe("Customer");
        detail.GetProperty("TenantId").GetString().ShouldBe(emulator.World.TenantId.ToString());
        detail.GetProperty("OrganizationVersion").GetString().ShouldBe("9.2.24044.00150");
    }

    [Fact]
    public async Task RetrieveUserPrivileges_Salesperson_ListsReadAccountAtLocalDepth()
    {
        var client = await emulator.ClientAsync();

        var body = await (await client.GetAsync($"systemusers({emulator.Salesperson.Id})/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()")).JsonAsync();

        var privileges = body.GetProperty("RolePrivileges").EnumerateArray().ToArray();
        var readAccount = privileges.Single(p => p.GetProperty("PrivilegeName").GetString() == "prvReadAccount");
        readAccount.GetProperty("Depth").GetString().ShouldBe("Local");
        privileges.ShouldNotContain(p => p.GetProperty("PrivilegeName").GetString() == "prvActOnBehalfOfAnotherUser");
    }

    [Fact]
    public async Task Retrieve_WithoutReadPrivilege_Returns403NamingThePrivilege()
    {
        var client = await emulator.ClientAsync(emulator.RestrictedSalesperson);
        var opportunity = emulator.World.Opportunities[0].Id;

        var response = await client.GetAsync($"opportunities({opportunity})");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (code, message) = await response.ErrorAsync();
        code.ShouldBe("0x80040220");
        message.ShouldContain("is missing prvReadopportunity privilege");
        message.ShouldContain($"Principal user (Id={emulator.RestrictedSalesperson.Id}");
        message.ShouldContain("OTC=3");
    }

    [Fact]
    public async Task Update_RowOwnedByAnotherUser_WithBasicWriteDepth_Returns403()
    {
        var seller = await emulator.ClientAsync(emulator.Salesperson);
        var othersAccount = emulator.World.Accounts.First(a => a.OwnerId != emulator.Salesperson.Id).Id;

        var response = await seller.SendAsync(Json(HttpMethod.Patch, $"accounts({othersAccount})", new { name = "Hijacked" }));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        emulator.Server.Org.Store.Find("account", othersAccount)!["name"].ShouldNotBe("Hijacked");
    }

    [Fact]
    public async Task Create_BySalesperson_OwnsTheRow()
    {
        var seller = await emulator.ClientAsync(emulator.Salesperson);

        var id = await seller.CreateAsync("contacts", new { lastname = "Mine" });

        emulator.Server.Org.Store.Find("contact", id)!.Reference("ownerid")!.Id.ShouldBe(emulator.Salesperson.Id);
    }

    [Fact]
    public async Task ErrorResponse_CarriesODataHeadersToo()
    {
        var client = await emulator.ClientAsync();

        var response = await client.GetAsync("nosuchtable");

        response.Headers.GetValues("OData-Version").Single().ShouldBe("4.0");
        response.Headers.Contains("x-ms-dop-hint").ShouldBeTrue();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
    }
}
