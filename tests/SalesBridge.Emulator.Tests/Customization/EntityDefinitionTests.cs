using System.Net;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Customization.TableDefinitions;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.Customization;

[Collection("CustomizedOrg")]
public sealed class EntityDefinitionTests(CustomizedOrgFixture org)
{
    private const string Header = CustomizedOrgFixture.SolutionHeader;

    [Fact]
    public async Task PostEntityDefinitions_ActivityInSolution_Returns204AndAddsActivityTable()
    {
        using var client = org.AdminClient();
        var schemaName = CustomizedOrgFixture.UniqueSchemaName("InMail");
        var logicalName = schemaName.ToLowerInvariant();

        var response = await client.SendAsync(Json(HttpMethod.Post, "EntityDefinitions", ActivityTable(schemaName), (Header, CustomizedOrgFixture.SolutionName)));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var entityId = response.Headers.GetValues("OData-EntityId").Single();
        entityId.ShouldStartWith(org.WebApi + "EntityDefinitions(");
        var metadata = await (await client.GetAsync($"EntityDefinitions({IdFromEntityUrl(entityId)})")).JsonAsync();
        metadata.GetProperty("LogicalName").GetString().ShouldBe(logicalName);
        metadata.GetProperty("EntitySetName").GetString().ShouldBe(logicalName + "s");
        metadata.GetProperty("IsActivity").GetBoolean().ShouldBeTrue();
        metadata.GetProperty("IsCustomEntity").GetBoolean().ShouldBeTrue();
        metadata.GetProperty("PrimaryIdAttribute").GetString().ShouldBe("activityid");
        metadata.GetProperty("PrimaryNameAttribute").GetString().ShouldBe("subject");
        var attributes = await (await client.GetAsync($"EntityDefinitions(LogicalName='{logicalName}')/Attributes?$select=LogicalName")).JsonAsync();
        var names = attributes.GetProperty("value").EnumerateArray().Select(a => a.GetProperty("LogicalName").GetString()).ToArray();
        names.ShouldContain("regardingobjectid");
        names.ShouldContain("statecode");
        names.ShouldContain("sb_externalkey");
        var components = await (await client.GetAsync(
            $"solutioncomponents?$select=objectid,componenttype&$filter=_solutionid_value eq {org.SolutionId} and componenttype eq 1")).JsonAsync();
        components.GetProperty("value").EnumerateArray().Select(c => c.GetProperty("objectid").GetGuid()).ShouldContain(IdFromEntityUrl(entityId));
    }

    [Fact]
    public async Task PostEntityDefinitions_CustomTable_RowsCanBeWrittenAndQueriedAtOnce()
    {
        using var client = org.AdminClient();
        var schemaName = CustomizedOrgFixture.UniqueSchemaName("Ticket");
        var set = schemaName.ToLowerInvariant() + "s";
        var table = Table(schemaName, isActivity: false,
            String("sb_Name", 200, primaryName: true), Column("Integer", "sb_Seats"), Column("Money", "sb_Amount"),
            Column("Boolean", "sb_Paid"), Column("DateTime", "sb_Due"), Column("Memo", "sb_Notes"), Column("Decimal", "sb_Rate"),
            Choice("sb_Tier", (510000000, "Gold"), (510000001, "Silver")));

        var response = await client.SendAsync(Json(HttpMethod.Post, "EntityDefinitions", table));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await client.CreateAsync(set, new Dictionary<string, object>
        {
            ["sb_name"] = "Front row", ["sb_seats"] = 2, ["sb_amount"] = 99.5m, ["sb_paid"] = true,
            ["sb_due"] = "2026-05-01T10:00:00Z", ["sb_notes"] = "window", ["sb_rate"] = 1.25m, ["sb_tier"] = 510000000,
        });
        var rows = await (await client.GetAsync($"{set}?$select=sb_name,sb_tier,_ownerid_value&$filter=sb_seats eq 2")).JsonAsync();
        var row = rows.GetProperty("value").EnumerateArray().Single();
        row.GetProperty("sb_name").GetString().ShouldBe("Front row");
        row.GetProperty("sb_tier").GetInt32().ShouldBe(510000000);
        row.GetProperty("_ownerid_value").GetGuid().ShouldNotBe(Guid.Empty);
        var document = await (await client.GetAsync("$metadata")).Content.ReadAsStringAsync();
        document.ShouldContain($"EntityType Name=\"{schemaName.ToLowerInvariant()}\"");
    }

    [Fact]
    public async Task PostEntityDefinitions_DuplicateSchemaName_Returns400InvalidSchemaName()
    {
        using var client = org.AdminClient();
        var schemaName = CustomizedOrgFixture.UniqueSchemaName("Message");
        (await client.SendAsync(Json(HttpMethod.Post, "EntityDefinitions", ActivityTable(schemaName)))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var response = await client.SendAsync(Json(HttpMethod.Post, "EntityDefinitions", ActivityTable(schemaName)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var (code, message) = await response.ErrorAsync();
        code.ShouldBe("0x8004700b");
        message.ShouldStartWith("An entity with the specified name already exists.");
    }

    [Fact]
    public async Task PostEntityDefinitions_SchemaNameWithoutPublisherPrefix_Returns400InvalidNamePrefix()
    {
        using var client = org.AdminClient();

        var response = await client.SendAsync(Json(HttpMethod.Post, "EntityDefinitions", ActivityTable("xx_Unprefixed"),
            (Header, CustomizedOrgFixture.SolutionName)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Code.ShouldBe("0x80044366");
        org.Server.Org.Schema.FindTable("xx_unprefixed").ShouldBeNull();
    }

    [Fact]
    public async Task PostEntityDefinitions_OtherPublishersPrefixInSolution_Returns400InvalidNamePrefix()
    {
        using var client = org.AdminClient();
        var schemaName = "new_" + CustomizedOrgFixture.UniqueSchemaName("Note")[3..];

        var response = await client.SendAsync(Json(HttpMethod.Post, "EntityDefinitions", ActivityTable(schemaName),
            (Header, CustomizedOrgFixture.SolutionName)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Code.ShouldBe("0x80044366");
    }

    [Fact]
    public async Task PostEntityDefinitions_UnknownSolution_Returns404AndCreatesNothing()
    {
        using var client = org.AdminClient();
        var schemaName = CustomizedOrgFixture.UniqueSchemaName("Orphan");

        var response = await client.SendAsync(Json(HttpMethod.Post, "EntityDefinitions", ActivityTable(schemaName), (Header, "NoSuchSolution")));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ErrorAsync()).Message.ShouldContain("NoSuchSolution");
        org.Server.Org.Schema.FindTable(schemaName.ToLowerInvariant()).ShouldBeNull();
    }

    [Fact]
    public async Task PostEntityDefinitions_ActivityWithOtherPrimaryName_Returns400()
    {
        using var client = org.AdminClient();
        var schemaName = CustomizedOrgFixture.UniqueSchemaName("Sms");

        var response = await client.SendAsync(Json(HttpMethod.Post, "EntityDefinitions",
            Table(schemaName, isActivity: true, String("sb_Title", 100, primaryName: true))));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Code.ShouldBe("0x8004F127");
    }

    [Fact]
    public async Task PostAttributes_NewColumn_IsWritableAndListed()
    {
        var activity = await org.InstallActivityAsync("Late");
        using var client = org.AdminClient();

        var response = await client.SendAsync(Json(HttpMethod.Post, $"EntityDefinitions(LogicalName='{activity.LogicalName}')/Attributes",
            Column("Integer", "sb_Attempts"), (Header, CustomizedOrgFixture.SolutionName)));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("OData-EntityId").Single().ShouldContain("/Attributes(");
        var id = await client.CreateAsync(activity.EntitySet, new { subject = "retry", sb_attempts = 3 });
        var row = await (await client.GetAsync($"{activity.EntitySet}({id})?$select=sb_attempts")).JsonAsync();
        row.GetProperty("sb_attempts").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task GetSolutions_ByUniqueName_ReturnsVersionAndPublisher()
    {
        using var client = org.AdminClient();

        var body = await (await client.GetAsync(
            $"solutions?$select=uniquename,version,_publisherid_value&$filter=uniquename eq '{CustomizedOrgFixture.SolutionName}'")).JsonAsync();

        var solution = body.GetProperty("value").EnumerateArray().Single();
        solution.GetProperty("version").GetString().ShouldBe("1.0.0.0");
        solution.GetProperty("_publisherid_value").GetGuid().ShouldNotBe(Guid.Empty);
    }
}
