using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmSettings;
using SalesBridge.Web.Tests.CrmSettings;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmImport;

/// <summary>The sync interval (S21) as a CRM setting: 5–1440 minutes, audited like the others, on the page and in the API.</summary>
[Collection(CrmCollection.Name)]
public sealed partial class SyncIntervalSettingTests(CrmWorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Put_SyncInterval_OutOfRange400NamingIt_InRangeSavedAndAudited_LeftOutUnchanged(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var api = await host.ApiClientAsync(contract.Admin);
        var settings = await api.GetSettingsAsync();
        settings.GetProperty("syncIntervalMinutes").GetInt32().ShouldBe(ContractCrmSettings.DefaultSyncIntervalMinutes);

        foreach (var wrong in new[] { 4, 1441, 0 })
        {
            var refused = await api.PutSettingsAsync(CrmSettingsApi.Body(settings, body => body["syncIntervalMinutes"] = wrong));
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.ProblemAsync()).GetProperty("errors").GetProperty("syncIntervalMinutes")[0].GetString()
                .ShouldBe("syncIntervalMinutes must be between 5 and 1440 (minutes between scheduled syncs; 1440 is once a day).");
        }
        (await api.GetSettingsAsync()).GetProperty("syncIntervalMinutes").GetInt32().ShouldBe(15);

        var saved = await api.PutSettingsAsync(CrmSettingsApi.Body(settings, body => body["syncIntervalMinutes"] = 60));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var after = await api.GetSettingsAsync();
        after.GetProperty("syncIntervalMinutes").GetInt32().ShouldBe(60);
        var change = await host.QueryAsync(db => db.CrmSettingsChanges.SingleAsync(c => c.ContractId == contract.Id));
        (change.Setting, change.OldValue, change.NewValue).ShouldBe((CrmSettingsWording.SyncIntervalSetting, "Every 15 minutes", "Every 60 minutes"));
        (await api.JsonOkAsync("api/v1/admin/crm/sync/status")).GetProperty("syncIntervalMinutes").GetInt32().ShouldBe(60);

        // A client that does not know the setting leaves it as it is.
        var body = CrmSettingsApi.Body(after, b => b["autoSyncAllSeats"] = false);
        body.Remove("syncIntervalMinutes");
        (await api.PutSettingsAsync(body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetSettingsAsync()).GetProperty("syncIntervalMinutes").GetInt32().ShouldBe(60);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Page_SyncInterval_ErrorNextToTheField_ThenSaved(string database)
    {
        const string page = "Admin/Crm/Settings";
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var client = await host.PageClientAsync(contract.Admin);
        var form = await client.GetStringAsync(page);
        form.ShouldContain("How often should SalesBridge import from your CRM (minutes)?");
        var revision = Revision().Match(form).Groups[1].Value;
        Dictionary<string, string> Fields(string minutes) => new()
        {
            ["Input.Revision"] = revision, ["Input.AutoSyncAllSeats"] = "true", ["Input.PipelineStage"] = "", ["Input.WonValueColumn"] = "",
            ["Input.WriteBackEnabled"] = "false", ["Input.WriteBackAllItems"] = "true", ["Input.Creator"] = "IntegrationUser",
            ["Input.SyncIntervalMinutes"] = minutes,
        };

        var refused = await client.PostFormAsync(page, Fields("2"));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldMatch("data-valmsg-for=\"Input.SyncIntervalMinutes\"[^>]*>syncIntervalMinutes must be between 5 and 1440");

        var saved = await client.PostFormAsync(page, Fields("30"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync(page)).ShouldMatch("name=\"Input.SyncIntervalMinutes\" value=\"30\"|value=\"30\"[^>]*name=\"Input.SyncIntervalMinutes\"");
        (await host.QueryAsync(db => db.CrmSettings.SingleAsync(s => s.ContractId == contract.Id))).SyncIntervalMinutes.ShouldBe(30);
    }

    [GeneratedRegex("name=\"Input.Revision\" value=\"([^\"]+)\"")]
    private static partial Regex Revision();
}
