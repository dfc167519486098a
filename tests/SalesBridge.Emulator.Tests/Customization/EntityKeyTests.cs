using System.Net;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.Customization;

[Collection("CustomizedOrg")]
public sealed class EntityKeyTests(CustomizedOrgFixture org)
{
    [Fact]
    public async Task PostKeys_ExternalKeyColumn_KeyIsActiveInMetadata()
    {
        var activity = await org.InstallActivityAsync("InMail");
        using var client = org.AdminClient();

        var keys = await (await client.GetAsync($"EntityDefinitions(LogicalName='{activity.LogicalName}')/Keys")).JsonAsync();

        var key = keys.GetProperty("value").EnumerateArray().Single();
        key.GetProperty("KeyAttributes").EnumerateArray().Select(a => a.GetString()).ShouldBe([activity.KeyColumn]);
        key.GetProperty("EntityKeyIndexStatus").GetString().ShouldBe("Active");
        var components = await (await client.GetAsync(
            $"solutioncomponents?$select=objectid&$filter=_solutionid_value eq {org.SolutionId} and componenttype eq 14")).JsonAsync();
        components.GetProperty("value").EnumerateArray().Select(c => c.GetProperty("objectid").GetGuid())
            .ShouldContain(key.GetProperty("MetadataId").GetGuid());
    }

    [Fact]
    public async Task Create_DuplicateAlternateKeyValue_Returns412()
    {
        var activity = await org.InstallActivityAsync("Message");
        using var client = org.AdminClient();
        await client.CreateAsync(activity.EntitySet, new Dictionary<string, object> { ["subject"] = "first", [activity.KeyColumn] = "m-1" });

        var response = await client.SendAsync(Json(HttpMethod.Post, activity.EntitySet,
            new Dictionary<string, object> { ["subject"] = "second", [activity.KeyColumn] = "M-1" }));

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await response.ErrorAsync()).Code.ShouldBe("0x80060892");
    }

    [Fact]
    public async Task PatchByAlternateKey_MissingThenExisting_CreatesThenUpdatesOneRow()
    {
        var activity = await org.InstallActivityAsync("Note");
        using var client = org.AdminClient();
        var url = $"{activity.EntitySet}({activity.KeyColumn}='ext-42')";

        var created = await client.SendAsync(Json(HttpMethod.Patch, url, new { subject = "v1" }));
        var updated = await client.SendAsync(Json(HttpMethod.Patch, url, new { subject = "v2" }));

        created.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        updated.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        updated.Headers.GetValues("OData-EntityId").Single().ShouldBe(created.Headers.GetValues("OData-EntityId").Single());
        var row = await (await client.GetAsync($"{url}?$select=subject,{activity.KeyColumn}")).JsonAsync();
        row.GetProperty("subject").GetString().ShouldBe("v2");
        row.GetProperty(activity.KeyColumn).GetString().ShouldBe("ext-42");
        org.Server.Org.Store.Table(activity.LogicalName).Count.ShouldBe(1);
    }

    [Fact]
    public async Task PostKeys_UnknownColumn_Returns400AndAddsNoKey()
    {
        var activity = await org.InstallActivityAsync("Ghost");
        using var client = org.AdminClient();

        var response = await client.SendAsync(Json(HttpMethod.Post, $"EntityDefinitions(LogicalName='{activity.LogicalName}')/Keys",
            TableDefinitions.Key("sb_GhostKey", "sb_nosuchcolumn")));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Code.ShouldBe("0x80090101");
        org.Server.Org.Schema.GetTable(activity.LogicalName).Keys.Count.ShouldBe(1);
    }

    [Fact]
    public async Task PostKeys_RowsAlreadyShareValue_KeyFailedAndNotEnforced()
    {
        var schemaName = CustomizedOrgFixture.UniqueSchemaName("Dup");
        using var client = org.AdminClient();
        (await client.SendAsync(Json(HttpMethod.Post, "EntityDefinitions", TableDefinitions.ActivityTable(schemaName)))).StatusCode
            .ShouldBe(HttpStatusCode.NoContent);
        var logicalName = schemaName.ToLowerInvariant();
        await client.CreateAsync(logicalName + "s", new { subject = "a", sb_externalkey = "same" });
        await client.CreateAsync(logicalName + "s", new { subject = "b", sb_externalkey = "same" });

        var response = await client.SendAsync(Json(HttpMethod.Post, $"EntityDefinitions(LogicalName='{logicalName}')/Keys",
            TableDefinitions.Key("sb_DupKey", "sb_externalkey")));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var keys = await (await client.GetAsync($"EntityDefinitions(LogicalName='{logicalName}')/Keys")).JsonAsync();
        keys.GetProperty("value").EnumerateArray().Single().GetProperty("EntityKeyIndexStatus").GetString().ShouldBe("Failed");
        (await client.SendAsync(Json(HttpMethod.Post, logicalName + "s", new { subject = "c", sb_externalkey = "same" }))).StatusCode
            .ShouldBe(HttpStatusCode.NoContent);
    }
}
