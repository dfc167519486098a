using System.Net;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmSettings;

/// <summary>The CRM Settings page as served: admin-only, "connect first" without an org, errors next to their field.</summary>
[Collection(CrmCollection.Name)]
public sealed class CrmSettingsPageTests(CrmWorkspaceFixture fixture)
{
    private const string Page = "Admin/Crm/Settings";

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Page_SeatHolder_403OnReadSaveAndInstall(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var client = await host.PageClientAsync(contract.SeatHolder);

        (await client.GetAsync(Page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.AutoSyncAllSeats"] = "false" })))
            .StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        (await client.PostAsync(Page + "?handler=Install", new FormUrlEncodedContent([])))
            .StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        fixture.Emulator.Org.Schema.FindTable("sb_inmail").ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Page_NotConnected_SaysConnectFirstWithALinkToTheConnectionPage(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var client = await host.PageClientAsync(contract.Admin);

        var html = await client.GetStringAsync(Page);

        html.ShouldContain("Connect to CRM first");
        html.ShouldContain("href=\"/Admin/Crm\"");
        html.ShouldNotContain("Where do you store the value for a won opportunity?");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Page_StageOptionTheOrgDoesNotHave_ErrorNextToTheStageAndNothingSaved(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var client = await host.PageClientAsync(contract.Admin);
        var form = await client.GetStringAsync(Page);
        var revision = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.Revision\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostFormAsync(Page, new()
        {
            ["Input.Revision"] = revision, ["Input.AutoSyncAllSeats"] = "true", ["Input.PipelineStage"] = "salesstage:42",
            ["Input.WonValueColumn"] = "", ["Input.WriteBackEnabled"] = "false", ["Input.WriteBackAllItems"] = "true", ["Input.Creator"] = "IntegrationUser",
        });
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldMatch("data-valmsg-for=\"Input.PipelineStageValue\"[^>]*>The option 42 does not exist");
        html.ShouldContain("No setting has been changed yet.");
    }
}
