using System.Net;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.WebApi;

[Collection("Emulator")]
public sealed class FormattedValueTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Retrieve_Opportunity_FormatsMoneyChoiceAndDate()
    {
        var client = await emulator.ClientAsync();
        var id = await client.CreateAsync("opportunities", new Dictionary<string, object>
        {
            ["name"] = "Formatted", ["estimatedvalue"] = 12500.5m, ["salesstage"] = 2, ["new_pipelinephase"] = 100000003,
            ["estimatedclosedate"] = "2026-12-31T00:00:00Z",
        });

        var body = await (await client.SendAsync(DataverseHttp.Json(HttpMethod.Get,
            $"opportunities({id})?$select=estimatedvalue,salesstage,new_pipelinephase,estimatedclosedate", null,
            ("Prefer", "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"")))).JsonAsync();

        const string formatted = "@OData.Community.Display.V1.FormattedValue";
        body.GetProperty("estimatedvalue" + formatted).GetString().ShouldBe("$12,500.50");
        body.GetProperty("salesstage" + formatted).GetString().ShouldBe("Propose");
        body.GetProperty("new_pipelinephase" + formatted).GetString().ShouldBe("Proposal");
        body.GetProperty("estimatedclosedate" + formatted).GetString().ShouldBe("12/31/2026 12:00 AM");
        body.GetProperty("estimatedvalue").GetDecimal().ShouldBe(12500.5m);
    }
}
