using System.Net;
using System.Text.Json;
using SalesBridge.Emulator.Tests.FetchXml;
using SalesBridge.Emulator.Tests.Infrastructure;

namespace SalesBridge.Emulator.Tests.Metadata;

[Collection("Emulator")]
public sealed class MetadataHttpTests(EmulatorFixture emulator)
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string url, HttpClient? client = null)
    {
        client ??= await emulator.ClientAsync();
        var response = await client.GetAsync(url);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task GetEntityDefinitions_ChangeTrackingFilter_ListsTrackedTables()
    {
        var (status, body) = await GetAsync("EntityDefinitions?$select=LogicalName&$filter=ChangeTrackingEnabled eq true");

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        var names = body.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("LogicalName").GetString()).ToArray();
        names.ShouldContain("opportunity");
        names.ShouldNotContain("role");
    }

    [Fact]
    public async Task GetMoneyAttributes_Opportunity_HaveTheirDisplayNamesAndAreNotBaseCurrency()
    {
        var (status, body) = await GetAsync("EntityDefinitions(LogicalName='opportunity')/Attributes/Microsoft.Dynamics.CRM.MoneyAttributeMetadata" +
            "?$select=LogicalName,DisplayName,IsBaseCurrency,AttributeOf");

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        var money = body.GetProperty("value").EnumerateArray().ToDictionary(a => a.GetProperty("LogicalName").GetString()!,
            a => a.GetProperty("DisplayName").GetProperty("UserLocalizedLabel").GetProperty("Label").GetString());
        money["estimatedvalue"].ShouldBe("Est. Revenue");
        money["actualvalue"].ShouldBe("Actual Revenue");
        body.GetProperty("value").EnumerateArray().ShouldAllBe(a => !a.GetProperty("IsBaseCurrency").GetBoolean());
    }

    [Fact]
    public async Task GetPicklistAttributes_WithOptionSet_ReturnsSalesStageLabels()
    {
        var (status, body) = await GetAsync("EntityDefinitions(LogicalName='opportunity')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata" +
            "?$select=LogicalName&$expand=OptionSet($select=Options)");

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        var salesStage = body.GetProperty("value").EnumerateArray().Single(a => a.GetProperty("LogicalName").GetString() == "salesstage");
        salesStage.GetProperty("OptionSet").GetProperty("Options").EnumerateArray()
            .Select(o => o.GetProperty("Label").GetProperty("UserLocalizedLabel").GetProperty("Label").GetString())
            .ShouldBe(["Qualify", "Develop", "Propose", "Close"]);
    }

    [Fact]
    public async Task GetAttributes_MoneyFilter_ReturnsMoneyColumns()
    {
        var (status, body) = await GetAsync("EntityDefinitions(LogicalName='opportunity')/Attributes" +
            "?$select=LogicalName&$filter=AttributeType eq Microsoft.Dynamics.CRM.AttributeTypeCode'Money'");

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("LogicalName").GetString())
            .ShouldBe(["estimatedvalue", "actualvalue", "new_contractvalue"]);
    }

    [Fact]
    public async Task GetEntityDefinition_UnknownEntity_Returns404()
    {
        var (status, body) = await GetAsync("EntityDefinitions(LogicalName='foo')");

        status.ShouldBe(HttpStatusCode.NotFound, body.ToString());
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe("0x80040217");
    }

    [Fact]
    public async Task GetEntityDefinition_UserWithoutTableRead_StillReadsMetadata()
    {
        var client = await emulator.ClientAsync(emulator.RestrictedSalesperson);

        var (status, body) = await GetAsync("EntityDefinitions(LogicalName='opportunity')?$select=LogicalName", client);

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("LogicalName").GetString().ShouldBe("opportunity");
    }
}
