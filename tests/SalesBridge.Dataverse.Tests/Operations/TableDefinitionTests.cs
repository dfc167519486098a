using System.Text.Json.Nodes;
using SalesBridge.Dataverse.Tests.Infrastructure;

namespace SalesBridge.Dataverse.Tests.Operations;

[Collection("Dataverse")]
public sealed class TableDefinitionTests(DataverseFixture dataverse)
{
    [Fact]
    public async Task FindTable_MissingTable_ReturnsNull()
    {
        var client = await dataverse.ClientAsync();

        (await client.FindTableAsync("new_nosuchtable")).ShouldBeNull();
    }

    [Fact]
    public async Task FindTable_Opportunity_ReturnsColumnsAndEntitySet()
    {
        var client = await dataverse.ClientAsync();

        var table = (await client.FindTableAsync("opportunity")).ShouldNotBeNull();

        table.EntitySetName.ShouldBe("opportunities");
        table.IsActivity.ShouldBeFalse();
        table.Columns.ShouldContain("salesstage");
    }

    [Fact]
    public async Task GetChoiceAndMoneyColumns_Opportunity_ReturnOptionsLabelsAndCurrencyColumns()
    {
        var client = await dataverse.ClientAsync();

        var choices = await client.GetChoiceColumnsAsync("opportunity");
        var money = await client.GetMoneyColumnsAsync("opportunity");

        choices.Single(c => c.LogicalName == "salesstage").Options.Select(o => o.Label).ShouldBe(["Qualify", "Develop", "Propose", "Close"]);
        money.Select(m => m.LogicalName).ShouldContain("estimatedvalue");
        money.ShouldAllBe(m => !m.IsBaseCurrency);
    }

    [Fact]
    public async Task CreateColumn_TextColumnOnACustomTable_AppearsInItsDefinition()
    {
        var client = await dataverse.ClientAsync();
        var schemaName = "new_Gadget" + Guid.NewGuid().ToString("N")[..6];
        await client.CreateTableAsync(new JsonObject
        {
            ["@odata.type"] = "Microsoft.Dynamics.CRM.EntityMetadata", ["SchemaName"] = schemaName, ["OwnershipType"] = "UserOwned",
            ["DisplayName"] = DataverseClient.LabelJson("Gadget"), ["DisplayCollectionName"] = DataverseClient.LabelJson("Gadgets"),
            ["HasActivities"] = false, ["HasNotes"] = false,
            ["Attributes"] = new JsonArray(new JsonObject
            {
                ["@odata.type"] = "Microsoft.Dynamics.CRM.StringAttributeMetadata", ["SchemaName"] = "new_Name", ["IsPrimaryName"] = true,
                ["MaxLength"] = 100, ["DisplayName"] = DataverseClient.LabelJson("Name"), ["RequiredLevel"] = new JsonObject { ["Value"] = "None" },
            }),
        });

        var id = await client.CreateColumnAsync(schemaName.ToLowerInvariant(), new JsonObject
        {
            ["@odata.type"] = "Microsoft.Dynamics.CRM.StringAttributeMetadata", ["SchemaName"] = "new_Serial", ["MaxLength"] = 50,
            ["DisplayName"] = DataverseClient.LabelJson("Serial"), ["RequiredLevel"] = new JsonObject { ["Value"] = "None" },
        });
        await client.CreateAlternateKeyAsync(schemaName.ToLowerInvariant(), "new_SerialKey", "Serial", ["new_serial"]);

        id.ShouldNotBe(Guid.Empty);
        var table = (await client.FindTableAsync(schemaName.ToLowerInvariant())).ShouldNotBeNull();
        table.Columns.ShouldContain("new_serial");
        table.HasKeyOn("new_serial").ShouldBeTrue();
        table.Keys.Single().IndexStatus.ShouldBe("Active");
    }
}
