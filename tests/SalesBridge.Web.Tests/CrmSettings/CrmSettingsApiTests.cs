using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesBridge.Web.Tests.Infrastructure;
using static SalesBridge.Web.Tests.CrmSettings.CrmSettingsApi;

namespace SalesBridge.Web.Tests.CrmSettings;

/// <summary>The settings API against the collection's shared org, which these tests only read.</summary>
[Collection(CrmCollection.Name)]
public sealed class CrmSettingsApiTests(CrmWorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Get_ConnectedOrg_OffersStageAndCurrencyColumnsFromMetadataWithDefaults(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var api = await host.ApiClientAsync(contract.Admin);

        var settings = await api.GetSettingsAsync();

        settings.GetProperty("autoSyncAllSeats").GetBoolean().ShouldBeTrue();
        settings.GetProperty("pipelineStage").GetString().ShouldBe("Not Sure");
        settings.GetProperty("wonValue").GetString().ShouldBe("Not Sure");
        settings.GetProperty("writeBackEnabled").GetBoolean().ShouldBeFalse();
        settings.GetProperty("creator").GetString().ShouldBe("IntegrationUser");
        StageColumns(settings).ShouldContain("salesstage");
        StageColumns(settings).ShouldContain("new_pipelinephase");
        StageColumns(settings).ShouldNotContain("statecode");
        StageColumns(settings).ShouldNotContain("statuscode");
        var salesStage = settings.GetProperty("choices").GetProperty("pipelineStageColumns").EnumerateArray()
            .Single(c => c.GetProperty("column").GetString() == "salesstage");
        salesStage.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("label").GetString())
            .ShouldBe(["Qualify", "Develop", "Propose", "Close"]);
        WonValueColumns(settings).ShouldContain("estimatedvalue");
        WonValueColumns(settings).ShouldContain("actualvalue");
        WonValueColumns(settings).ShouldNotContain("name");
        WonValueColumns(settings).ShouldAllBe(c => !c.EndsWith("_base"));
        settings.GetProperty("solution").GetProperty("installed").GetBoolean().ShouldBeFalse();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Put_StageAndValueThenNotSure_SavesAndRecordsEachChangeWithOldAndNewValues(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var api = await host.ApiClientAsync(contract.Admin);
        var settings = await api.GetSettingsAsync();

        var saved = await api.PutSettingsAsync(Body(settings, b =>
        {
            b["pipelineStageColumn"] = "salesstage";
            b["pipelineStageValue"] = 2;
            b["wonValueColumn"] = "actualvalue";
            b["autoSyncAllSeats"] = false;
        }));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var afterFirst = await api.GetSettingsAsync();
        var notSure = await api.PutSettingsAsync(Body(afterFirst, b => { b["pipelineStageColumn"] = null; b["pipelineStageValue"] = null; b["wonValueColumn"] = null; }));
        notSure.StatusCode.ShouldBe(HttpStatusCode.OK, await notSure.Content.ReadAsStringAsync());

        var stageLabel = afterFirst.GetProperty("choices").GetProperty("pipelineStageColumns").EnumerateArray()
            .Single(c => c.GetProperty("column").GetString() == "salesstage").GetProperty("label").GetString();
        afterFirst.GetProperty("pipelineStage").GetString().ShouldBe($"{stageLabel}: Propose");
        afterFirst.GetProperty("wonValueColumn").GetString().ShouldBe("actualvalue");
        afterFirst.GetProperty("revision").GetGuid().ShouldNotBe(settings.GetProperty("revision").GetGuid());
        var final = await api.GetSettingsAsync();
        final.GetProperty("pipelineStage").GetString().ShouldBe("Not Sure");
        final.GetProperty("wonValue").GetString().ShouldBe("Not Sure");
        var changes = await api.GetFromJsonAsync<JsonElement>($"{SettingsPath}/changes?pageSize=10");
        var rows = changes.GetProperty("items").EnumerateArray()
            .Select(c => (c.GetProperty("setting").GetString(), c.GetProperty("oldValue").GetString(), c.GetProperty("newValue").GetString(),
                c.GetProperty("changedBy").GetString())).ToArray();
        changes.GetProperty("totalCount").GetInt32().ShouldBe(5);
        rows.ShouldAllBe(r => r.Item4!.StartsWith("admin "));
        rows.ShouldContain(r => r.Item1 == "Pipeline stage" && r.Item2 == "Not Sure" && r.Item3 == $"{stageLabel}: Propose", $"{string.Join("; ", rows)}");
        rows.ShouldContain(r => r.Item1 == "Won-opportunity value" && r.Item2 == "Not Sure" && r.Item3!.Contains("actualvalue"));
        rows.ShouldContain(r => r.Item1 == "Auto sync all seat holders" && r.Item2 == "Yes" && r.Item3 == "No");
        rows.ShouldContain(r => r.Item1 == "Pipeline stage" && r.Item2 == $"{stageLabel}: Propose" && r.Item3 == "Not Sure");
        rows[0].Item1.ShouldBeOneOf("Pipeline stage", "Won-opportunity value");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Put_ColumnsAndOptionsTheOrgDoesNotHave_400NamingEachFieldAndNothingChanges(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var api = await host.ApiClientAsync(contract.Admin);
        var settings = await api.GetSettingsAsync();

        var badColumn = await api.PutSettingsAsync(Body(settings, b => { b["pipelineStageColumn"] = "new_removedstage"; b["pipelineStageValue"] = 1; b["wonValueColumn"] = "name"; }));
        var badOption = await api.PutSettingsAsync(Body(settings, b => { b["pipelineStageColumn"] = "salesstage"; b["pipelineStageValue"] = 99; }));
        var noOption = await api.PutSettingsAsync(Body(settings, b => { b["pipelineStageColumn"] = "salesstage"; b["pipelineStageValue"] = null; }));
        var noRevision = await api.PutSettingsAsync(Body(settings, b => b["revision"] = null));

        badColumn.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await badColumn.ProblemAsync();
        problem.GetProperty("errors").GetProperty("pipelineStageColumn")[0].GetString()!.ShouldContain("'new_removedstage'");
        problem.GetProperty("errors").GetProperty("wonValueColumn")[0].GetString()!.ShouldContain("'name' is not a currency column");
        badOption.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badOption.ProblemAsync()).GetProperty("errors").GetProperty("pipelineStageValue")[0].GetString()!.ShouldContain("option 99");
        noOption.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noOption.ProblemAsync()).GetProperty("errors").TryGetProperty("pipelineStageValue", out _).ShouldBeTrue();
        noRevision.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noRevision.ProblemAsync()).GetProperty("errors").TryGetProperty("revision", out _).ShouldBeTrue();
        var after = await api.GetSettingsAsync();
        after.GetProperty("revision").GetGuid().ShouldBe(settings.GetProperty("revision").GetGuid());
        after.GetProperty("pipelineStage").GetString().ShouldBe("Not Sure");
        (await api.GetFromJsonAsync<JsonElement>($"{SettingsPath}/changes")).GetProperty("totalCount").GetInt32().ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Put_WriteBackWhileSolutionMissing_400OfferingTheInstall(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var api = await host.ApiClientAsync(contract.Admin);
        var settings = await api.GetSettingsAsync();
        if (settings.GetProperty("solution").GetProperty("installed").GetBoolean()) return; // another test installed it in the shared org

        var response = await api.PutSettingsAsync(Body(settings, b => b["writeBackEnabled"] = true));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var message = (await response.ProblemAsync()).GetProperty("errors").GetProperty("writeBackEnabled")[0].GetString()!;
        message.ShouldContain("SalesBridge solution");
        message.ShouldContain("Install the SalesBridge solution first");
        (await api.GetSettingsAsync()).GetProperty("writeBackEnabled").GetBoolean().ShouldBeFalse();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Put_StaleRevision_409AndTheNewerSettingsStay(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var admin = await host.ApiClientAsync(contract.Admin);
        using var otherAdmin = await host.ApiClientAsync(contract.AdminSeatHolder);
        var read = await admin.GetSettingsAsync();
        (await otherAdmin.PutSettingsAsync(Body(read, b => b["autoSyncAllSeats"] = false))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await admin.PutSettingsAsync(Body(read, b => { b["pipelineStageColumn"] = "salesstage"; b["pipelineStageValue"] = 0; }));

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.ProblemAsync()).GetProperty("detail").GetString()!.ShouldContain("changed by someone else");
        var now = await admin.GetSettingsAsync();
        now.GetProperty("autoSyncAllSeats").GetBoolean().ShouldBeFalse();
        now.GetProperty("pipelineStage").GetString().ShouldBe("Not Sure");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task EveryEndpoint_SeatHolder_403(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var admin = await host.ApiClientAsync(contract.Admin);
        var settings = await admin.GetSettingsAsync();
        using var api = await host.ApiClientAsync(contract.SeatHolder);

        (await api.GetAsync(SettingsPath)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.PutSettingsAsync(Body(settings, b => b["autoSyncAllSeats"] = false))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.GetAsync($"{SettingsPath}/changes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.PostAsync($"{SettingsPath}/solution", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetSettingsAsync()).GetProperty("autoSyncAllSeats").GetBoolean().ShouldBeTrue();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task EveryOrgEndpoint_NotConnected_409SayingToConnectFirst(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);
        var body = new Dictionary<string, object?> { ["revision"] = Guid.NewGuid(), ["autoSyncAllSeats"] = true, ["writeBackEnabled"] = false };

        foreach (var response in new[] { await api.GetAsync(SettingsPath), await api.PutSettingsAsync(body), await api.PostAsync($"{SettingsPath}/solution", null) })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await response.ProblemAsync()).GetProperty("detail").GetString()!.ShouldContain("Connect it under Admin Settings > CRM Settings first");
        }
        (await api.GetAsync($"{SettingsPath}/changes")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
