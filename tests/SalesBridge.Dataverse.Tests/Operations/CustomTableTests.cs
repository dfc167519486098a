using System.Text.Json.Nodes;
using SalesBridge.Dataverse.Tests.Infrastructure;

namespace SalesBridge.Dataverse.Tests.Operations;

[Collection("Dataverse")]
public sealed class CustomTableTests(DataverseFixture dataverse)
{
    [Fact]
    public async Task CreateTableAndKey_CustomActivity_UpsertByExternalKeyIsIdempotent()
    {
        var client = await dataverse.ClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await client.CreateAsync("publishers", new JsonObject
        {
            ["uniquename"] = "sbtest" + suffix, ["friendlyname"] = "SB test", ["customizationprefix"] = "sb", ["customizationoptionvalueprefix"] = 72700,
        });
        var publisher = (await client.QueryAsync("publishers", new DataverseQuery { Select = ["publisherid"], Filter = ODataFilter.Eq("uniquename", "sbtest" + suffix) }).FirstAsync())["publisherid"]!.GetValue<string>();
        await client.CreateAsync("solutions", new JsonObject
        {
            ["uniquename"] = "SalesBridge" + suffix, ["friendlyname"] = "SalesBridge", ["version"] = "1.0.0.0",
            ["publisherid@odata.bind"] = $"/publishers({publisher})",
        });
        var schemaName = "sb_Inmail" + suffix;
        var definition = new JsonObject
        {
            ["@odata.type"] = "Microsoft.Dynamics.CRM.EntityMetadata",
            ["SchemaName"] = schemaName, ["DisplayName"] = DataverseClient.LabelJson("InMail"), ["DisplayCollectionName"] = DataverseClient.LabelJson("InMails"),
            ["OwnershipType"] = "UserOwned", ["IsActivity"] = true, ["HasActivities"] = false, ["HasNotes"] = false,
            ["Attributes"] = new JsonArray(
                new JsonObject
                {
                    ["@odata.type"] = "Microsoft.Dynamics.CRM.StringAttributeMetadata", ["SchemaName"] = "Subject", ["IsPrimaryName"] = true,
                    ["MaxLength"] = 400, ["DisplayName"] = DataverseClient.LabelJson("Subject"),
                    ["RequiredLevel"] = new JsonObject { ["Value"] = "None" },
                },
                new JsonObject
                {
                    ["@odata.type"] = "Microsoft.Dynamics.CRM.StringAttributeMetadata", ["SchemaName"] = "sb_ExternalKey", ["MaxLength"] = 100,
                    ["DisplayName"] = DataverseClient.LabelJson("External key"), ["RequiredLevel"] = new JsonObject { ["Value"] = "None" },
                }),
        };

        var tableId = await client.CreateTableAsync(definition, "SalesBridge" + suffix);
        await client.CreateAlternateKeyAsync(schemaName.ToLowerInvariant(), "sb_externalkey_key", "External key", ["sb_externalkey"], "SalesBridge" + suffix);
        var set = schemaName.ToLowerInvariant() + "s";
        var first = await client.UpsertAsync(set, EntityKey.Alternate(("sb_externalkey", "msg-1")), new JsonObject { ["subject"] = "Hello" });
        var again = await client.UpsertAsync(set, EntityKey.Alternate(("sb_externalkey", "msg-1")), new JsonObject { ["subject"] = "Hello again" });

        tableId.ShouldNotBe(Guid.Empty);
        again.ShouldBe(first);
        (await client.CountAsync(set)).ShouldBe(1);
        var pointer = await client.RetrieveAsync("activitypointers", EntityKey.Id(first), new RetrieveOptions { Select = ["subject", "activitytypecode"] });
        pointer["activitytypecode"]!.GetValue<string>().ShouldBe(schemaName.ToLowerInvariant());
    }
}
