using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SalesBridge.Dataverse.Tests.Infrastructure;
using SalesBridge.Dataverse.Tests.Resilience;

namespace SalesBridge.Dataverse.Tests.Operations;

[Collection("Dataverse")]
public sealed class TypedOperationTests(DataverseFixture dataverse)
{
    [Fact]
    public async Task QueryAsyncOfT_MapsColumnsToProperties()
    {
        var client = await dataverse.ClientAsync();

        var users = await client.QueryAsync<SystemUser>("systemusers",
            new DataverseQuery { Select = ["fullname", "internalemailaddress", "isdisabled"] }).ToListAsync();

        users.Count.ShouldBe(dataverse.World.Users.Count);
        users.ShouldContain(u => u.Id == dataverse.Admin.Id && u.FullName == dataverse.Admin.FullName && u.Email == dataverse.Admin.InternalEmailAddress);
    }

    [Fact]
    public async Task RetrieveAsyncOfT_WithExpand_ReadsRelatedRow()
    {
        var client = await dataverse.ClientAsync();
        var contact = await client.CreateAsync("contacts", new JsonObject { ["firstname"] = "Expanded", ["lastname"] = "Primary" });
        var account = await client.CreateAsync("accounts", new JsonObject
        {
            ["name"] = "With expand", ["primarycontactid@odata.bind"] = $"/contacts({contact})",
        });

        var row = await client.RetrieveAsync("accounts", EntityKey.Id(account),
            new RetrieveOptions { Select = ["name"], Expand = "primarycontactid($select=fullname)" });

        row["primarycontactid"]!["fullname"]!.GetValue<string>().ShouldBe("Expanded Primary");
    }

    [Fact]
    public async Task CreateWithIdAsync_AgainstEmulator_UsesTheGivenId()
    {
        var client = await dataverse.ClientAsync();
        var id = Guid.NewGuid();

        var created = await client.CreateWithIdAsync("accounts", "accountid", id, new JsonObject { ["name"] = "Chosen id" });
        var repeated = await client.CreateWithIdAsync("accounts", "accountid", id, new JsonObject { ["name"] = "Chosen id" });

        created.ShouldBe(id);
        repeated.ShouldBe(id);
        (await client.CountAsync("accounts", ODataFilter.Eq("accountid", id))).ShouldBe(1);
    }

    [Fact]
    public async Task CreateWithIdAsync_503_IsRetried()
    {
        var id = Guid.NewGuid();
        var org = new ScriptedOrg().Then(HttpStatusCode.ServiceUnavailable)
            .Then(HttpStatusCode.NoContent, headers: ("OData-EntityId", $"https://contoso.crm.dynamics.com/api/data/v9.2/accounts({id})"));

        var created = await org.Client().CreateWithIdAsync("accounts", "accountid", id, new JsonObject { ["name"] = "x" });

        created.ShouldBe(id);
        org.Received.Count.ShouldBe(2);
        org.Received[0].Body!.ShouldContain(id.ToString());
    }

    private sealed record SystemUser(
        [property: JsonPropertyName("systemuserid")] Guid Id,
        [property: JsonPropertyName("fullname")] string FullName,
        [property: JsonPropertyName("internalemailaddress")] string? Email,
        [property: JsonPropertyName("isdisabled")] bool IsDisabled);
}
