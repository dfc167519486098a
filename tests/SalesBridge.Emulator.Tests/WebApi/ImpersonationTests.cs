using System.Net;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.WebApi;

[Collection("Emulator")]
public sealed class ImpersonationTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Create_WithCallerObjectId_RecordsImpersonatedCreatorAndRealCallerOnBehalf()
    {
        var client = await emulator.ClientAsync();
        var seller = emulator.Salesperson;

        var response = await client.SendAsync(Json(HttpMethod.Post, "tasks", new { subject = "On behalf" },
            ("CallerObjectId", seller.AzureActiveDirectoryObjectId.ToString())));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var row = emulator.Server.Org.Store.Find("task", IdFromEntityUrl(response.Headers.GetValues("OData-EntityId").Single()))!;
        row.Reference("createdby")!.Id.ShouldBe(seller.Id);
        row.Reference("owninguser")!.Id.ShouldBe(seller.Id);
        row.Reference("ownerid")!.Id.ShouldBe(seller.Id);
        row.Reference("createdonbehalfby")!.Id.ShouldBe(emulator.Integration.Id);
    }

    [Fact]
    public async Task Update_WithMSCRMCallerID_RecordsModifiedOnBehalf()
    {
        var client = await emulator.ClientAsync();
        var seller = emulator.Salesperson;
        var id = await client.CreateAsync("tasks", new Dictionary<string, object>
        {
            ["subject"] = "Mine", ["ownerid@odata.bind"] = $"/systemusers({seller.Id})",
        });

        var response = await client.SendAsync(Json(HttpMethod.Patch, $"tasks({id})", new { subject = "Edited for the seller" },
            ("MSCRMCallerID", seller.Id.ToString())));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var row = emulator.Server.Org.Store.Find("task", id)!;
        row.Reference("modifiedby")!.Id.ShouldBe(seller.Id);
        row.Reference("modifiedonbehalfby")!.Id.ShouldBe(emulator.Integration.Id);
    }

    [Fact]
    public async Task WhoAmI_Impersonating_ReturnsImpersonatedUser()
    {
        var client = await emulator.ClientAsync();

        var response = await client.SendAsync(Json(HttpMethod.Get, "WhoAmI()", null, ("MSCRMCallerID", emulator.Salesperson.Id.ToString())));

        (await response.JsonAsync()).GetProperty("UserId").GetGuid().ShouldBe(emulator.Salesperson.Id);
    }

    [Fact]
    public async Task Impersonate_WithoutActOnBehalfPrivilege_Returns403()
    {
        var seller = await emulator.ClientAsync(emulator.Salesperson);

        var response = await seller.SendAsync(Json(HttpMethod.Post, "tasks", new { subject = "Sneaky" },
            ("MSCRMCallerID", emulator.Admin.Id.ToString())));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ErrorAsync()).ShouldBe(("0x8004a110", "User does not have the privilege to act on behalf another user."));
    }

    [Fact]
    public async Task Impersonate_EffectiveRightsAreTheIntersection_RestrictedUserCannotReadOpportunities()
    {
        var client = await emulator.ClientAsync();

        var response = await client.SendAsync(Json(HttpMethod.Get, $"opportunities({emulator.World.Opportunities[0].Id})", null,
            ("MSCRMCallerID", emulator.RestrictedSalesperson.Id.ToString())));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ErrorAsync()).Message.ShouldContain("prvReadopportunity");
    }

    [Fact]
    public async Task Impersonate_BadHeaderValue_Returns400()
    {
        var client = await emulator.ClientAsync();

        var response = await client.SendAsync(Json(HttpMethod.Get, "WhoAmI()", null, ("CallerObjectId", "not-a-guid")));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldContain("CallerObjectId");
    }
}
