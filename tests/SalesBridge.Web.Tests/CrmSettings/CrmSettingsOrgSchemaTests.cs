using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesBridge.CrmSettings;
using SalesBridge.Dataverse;
using SalesBridge.Web.Tests.Infrastructure;
using static SalesBridge.Web.Tests.CrmSettings.CrmSettingsApi;

namespace SalesBridge.Web.Tests.CrmSettings;

/// <summary>Settings against an org of the test's own, whose schema the test changes (custom columns, the SalesBridge solution).</summary>
[Collection(CrmCollection.Name)]
public sealed class CrmSettingsOrgSchemaTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Get_CustomStageChoiceAndCurrencyColumnAddedToTheOrg_AreOfferedAndCanBeChosen(string database)
    {
        await using var org = await OwnCrmOrg.StartAsync(database);
        var contract = await org.ConnectedContractAsync();
        var client = await org.ClientAsync(contract);
        await client.CreateColumnAsync("opportunity", new JsonObject
        {
            ["@odata.type"] = "Microsoft.Dynamics.CRM.PicklistAttributeMetadata", ["SchemaName"] = "new_DealStep",
            ["DisplayName"] = DataverseClient.LabelJson("Deal step"),
            ["OptionSet"] = new JsonObject
            {
                ["@odata.type"] = "Microsoft.Dynamics.CRM.OptionSetMetadata", ["IsGlobal"] = false, ["OptionSetType"] = "Picklist",
                ["Options"] = new JsonArray(
                    new JsonObject { ["Value"] = 100000000, ["Label"] = DataverseClient.LabelJson("Intro call") },
                    new JsonObject { ["Value"] = 100000001, ["Label"] = DataverseClient.LabelJson("Budget agreed") }),
            },
        });
        await client.CreateColumnAsync("opportunity", new JsonObject
        {
            ["@odata.type"] = "Microsoft.Dynamics.CRM.MoneyAttributeMetadata", ["SchemaName"] = "new_SignedAmount",
            ["DisplayName"] = DataverseClient.LabelJson("Signed amount"), ["PrecisionSource"] = 2,
        });
        using var api = await org.Host.ApiClientAsync(contract.Admin);

        var settings = await api.GetSettingsAsync();
        var saved = await api.PutSettingsAsync(Body(settings, b =>
        {
            b["pipelineStageColumn"] = "new_dealstep";
            b["pipelineStageValue"] = 100000001;
            b["wonValueColumn"] = "new_signedamount";
        }));

        var step = settings.GetProperty("choices").GetProperty("pipelineStageColumns").EnumerateArray().Single(c => c.GetProperty("column").GetString() == "new_dealstep");
        step.GetProperty("label").GetString().ShouldBe("Deal step");
        step.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("label").GetString()).ShouldBe(["Intro call", "Budget agreed"]);
        WonValueColumns(settings).ShouldContain("new_signedamount");
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var after = await api.GetSettingsAsync();
        after.GetProperty("pipelineStage").GetString().ShouldBe("Deal step: Budget agreed");
        after.GetProperty("wonValue").GetString().ShouldBe("Signed amount (new_signedamount)");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task WriteBack_SolutionMissing_RefusedThenInstalledDetectedAndEnabled_InstallTwiceChangesNothing(string database)
    {
        await using var org = await OwnCrmOrg.StartAsync(database);
        var contract = await org.ConnectedContractAsync();
        using var api = await org.Host.ApiClientAsync(contract.Admin);
        var before = await api.GetSettingsAsync();
        before.GetProperty("solution").GetProperty("installed").GetBoolean().ShouldBeFalse();
        before.GetProperty("solution").GetProperty("solutionFound").GetBoolean().ShouldBeFalse();
        var refused = await api.PutSettingsAsync(Body(before, b => b["writeBackEnabled"] = true));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ProblemAsync()).GetProperty("errors").GetProperty("writeBackEnabled")[0].GetString()!.ShouldContain("Install the SalesBridge solution");

        var install = await api.PostAsync($"{SettingsPath}/solution", null);
        var installText = await install.Content.ReadAsStringAsync();
        var again = await api.PostAsync($"{SettingsPath}/solution", null);

        install.StatusCode.ShouldBe(HttpStatusCode.OK, installText);
        JsonDocument.Parse(installText).RootElement.GetProperty("installed").GetBoolean().ShouldBeTrue(installText);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var schema = org.Emulator.Org.Schema;
        foreach (var table in SalesBridgeSolution.Tables)
        {
            var definition = schema.FindTable(table.LogicalName).ShouldNotBeNull();
            definition.IsActivity.ShouldBeTrue();
            definition.Keys.Count.ShouldBe(1);
            definition.Keys[0].KeyAttributes.ShouldBe([SalesBridgeSolution.ItemIdColumn]);
            definition.FindAttribute("sb_itemurl").ShouldNotBeNull();
        }
        schema.Tables.Count(t => t.LogicalName.StartsWith("sb_", StringComparison.Ordinal)).ShouldBe(3);
        var client = await org.ClientAsync(contract);
        (await client.QueryAsync("solutions", new DataverseQuery { Select = ["solutionid"], Filter = ODataFilter.Eq("uniquename", "SalesBridge") }).CountAsync()).ShouldBe(1);
        (await client.QueryAsync("publishers", new DataverseQuery { Select = ["publisherid"], Filter = ODataFilter.Eq("uniquename", "salesbridge") }).CountAsync()).ShouldBe(1);

        var detected = await api.GetSettingsAsync();
        detected.GetProperty("solution").GetProperty("installed").GetBoolean().ShouldBeTrue();
        var enabled = await api.PutSettingsAsync(Body(detected, b =>
        {
            b["writeBackEnabled"] = true;
            b["writeBackAllItems"] = false;
            b["writeBackInMails"] = true;
            b["writeBackMessages"] = false;
            b["writeBackNotes"] = true;
            b["creator"] = "SeatHolder";
        }));
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK, await enabled.Content.ReadAsStringAsync());
        var changes = (await api.GetFromJsonAsync<JsonElement>($"{SettingsPath}/changes")).GetProperty("items").EnumerateArray()
            .Select(c => $"{c.GetProperty("setting").GetString()}: {c.GetProperty("oldValue").GetString()} → {c.GetProperty("newValue").GetString()}").ToArray();
        changes.ShouldContain("SalesBridge solution: Missing → Installed");
        changes.ShouldContain("Write-back: No → Yes");
        changes.ShouldContain("Write-back items: All data items → InMails, notes");
        changes.ShouldContain("Creator of written-back items: Integration user → Seat holder (through impersonation)");
        changes.Count(c => c.StartsWith("SalesBridge solution", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task WriteBack_ConnectedAccountLacksItsPrivileges_RefusedNamingEachAndTheHealthCheckFlagsIt(string database)
    {
        await using var org = await OwnCrmOrg.StartAsync(database);
        var contract = await org.ConnectedContractAsync();
        using var api = await org.Host.ApiClientAsync(contract.Admin);
        (await api.PostAsync($"{SettingsPath}/solution", null)).EnsureSuccessStatusCode();
        var roles = org.Emulator.Org.Security.RolesOf(org.Emulator.World.IntegrationUser.Id);
        foreach (var role in roles) org.Emulator.Org.Security.Revoke(role, "prvActOnBehalfOfAnotherUser");

        var settings = await api.GetSettingsAsync();
        var impersonating = await api.PutSettingsAsync(Body(settings, b => { b["writeBackEnabled"] = true; b["creator"] = "SeatHolder"; }));
        var asIntegrationUser = await api.PutSettingsAsync(Body(settings, b => { b["writeBackEnabled"] = true; b["creator"] = "IntegrationUser"; }));

        impersonating.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var creatorError = (await impersonating.ProblemAsync()).GetProperty("errors").GetProperty("creator")[0].GetString()!;
        creatorError.ShouldStartWith("Your CRM account does not have sufficient access privileges. Please check with your CRM administrator.");
        creatorError.ShouldContain("prvActOnBehalfOfAnotherUser (Act on Behalf of Another User)");
        asIntegrationUser.StatusCode.ShouldBe(HttpStatusCode.OK, await asIntegrationUser.Content.ReadAsStringAsync());

        foreach (var role in roles) org.Emulator.Org.Security.Revoke(role, "prvCreateActivity");
        var notes = await api.PutSettingsAsync(Body(await api.GetSettingsAsync(), b => { b["writeBackEnabled"] = true; b["writeBackAllItems"] = false; b["writeBackNotes"] = true; }));
        using var check = await api.PostAsync("api/v1/admin/crm/connection/check", null);
        var status = await check.Content.ReadFromJsonAsync<JsonElement>();

        notes.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notes.ProblemAsync()).GetProperty("errors").GetProperty("writeBackEnabled")[0].GetString()!.ShouldContain("prvCreateActivity (Create Activity) on sb_inmail, sb_message, sb_note");
        // Write-back is on, so the connection's own check now fails on what write-back needs.
        status.GetProperty("status").GetString().ShouldBe("Failing", status.ToString());
        status.GetProperty("failureMessage").GetString().ShouldBe("Your CRM account does not have sufficient access privileges. Please check with your CRM administrator.");
        status.GetProperty("failureCauses").EnumerateArray().Select(c => c.GetString()).ShouldContain("Missing prvCreateActivity (Create Activity) on sb_inmail, sb_message, sb_note.");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Install_AfterAPartialInstall_CompletesItAndLeavesWhatExists(string database)
    {
        await using var org = await OwnCrmOrg.StartAsync(database);
        var contract = await org.ConnectedContractAsync();
        var client = await org.ClientAsync(contract);
        // A first install that stopped after the InMail table, before its key.
        var publisher = await client.CreateAsync("publishers", new JsonObject
        {
            ["uniquename"] = SalesBridgeSolution.PublisherUniqueName, ["friendlyname"] = "SalesBridge",
            ["customizationprefix"] = SalesBridgeSolution.Prefix, ["customizationoptionvalueprefix"] = SalesBridgeSolution.OptionValuePrefix,
        });
        await client.CreateAsync("solutions", new JsonObject
        {
            ["uniquename"] = SalesBridgeSolution.UniqueName, ["friendlyname"] = "SalesBridge", ["version"] = "1.0.0.0",
            ["publisherid@odata.bind"] = $"/publishers({publisher})",
        });
        var inMail = SalesBridgeSolution.Tables[0];
        var tableId = await client.CreateTableAsync(inMail.Definition(), SalesBridgeSolution.UniqueName);
        using var api = await org.Host.ApiClientAsync(contract.Admin);
        var partial = await api.GetSettingsAsync();

        var install = await api.PostAsync($"{SettingsPath}/solution", null);

        partial.GetProperty("solution").GetProperty("solutionFound").GetBoolean().ShouldBeTrue();
        partial.GetProperty("solution").GetProperty("installed").GetBoolean().ShouldBeFalse();
        install.StatusCode.ShouldBe(HttpStatusCode.OK, await install.Content.ReadAsStringAsync());
        var table = org.Emulator.Org.Schema.FindTable(inMail.LogicalName).ShouldNotBeNull();
        table.MetadataId.ShouldBe(tableId);
        table.Keys.Count.ShouldBe(1);
        (await api.GetSettingsAsync()).GetProperty("solution").GetProperty("installed").GetBoolean().ShouldBeTrue();
        var change = (await api.GetFromJsonAsync<JsonElement>($"{SettingsPath}/changes")).GetProperty("items")[0];
        change.GetProperty("oldValue").GetString().ShouldBe("Partly installed");
        change.GetProperty("newValue").GetString().ShouldBe("Installed");
    }
}
