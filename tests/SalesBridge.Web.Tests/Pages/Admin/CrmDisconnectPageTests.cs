using System.Net;
using SalesBridge.CrmConnection;
using SalesBridge.Web.Tests.CrmDisconnect;
using SalesBridge.Web.Tests.CrmHealth;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Pages.Admin;

/// <summary>The Disconnect page and the alert banner, server-rendered: admins only, PRG with the result.</summary>
[Collection(CrmCollection.Name)]
public sealed class CrmDisconnectPageTests(CrmWorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task DisconnectPage_ConfirmWithCleanUp_RedirectsToTheResultAndAudit(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        await SyncedWorkspace.ArrangeAsync(host, contract);
        using var admin = await host.PageClientAsync(contract.Admin);

        var form = await admin.GetStringAsync("Admin/Crm/Disconnect");
        using var post = await admin.PostFormAsync("Admin/Crm/Disconnect?handler=Confirm", new() { ["CleanUp"] = "true" });
        var result = await admin.GetStringAsync(post.Headers.Location!.ToString());

        form.ShouldContain("Disconnect your CRM Sync");
        form.ShouldContain("Yes, clean up all previously imported CRM data");
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        result.ShouldContain("Removed 1 lead, 1 account and 5 list entries that the sync created.");
        result.ShouldContain("data-testid=\"disconnect-audit\"");
        (await host.StoredConnectionAsync(contract.Id)).Status.ShouldBe(OrgConnectionStatus.Disconnected);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AdminPages_OpenAlert_ShowTheBannerToAdminsOnly(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        var connection = await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        await host.SetClientSecretAsync(connection.Id, "wrong-secret");
        await host.CheckHealthAsync(contract);
        using var admin = await host.PageClientAsync(contract.Admin);
        using var seller = await host.PageClientAsync(contract.SeatHolder);

        var adminPage = await admin.GetStringAsync("Admin/Seats");
        var sellerPage = await seller.GetStringAsync("Leads");

        adminPage.ShouldContain("CRM connection failing");
        adminPage.ShouldContain(WebUtility.HtmlEncode(ConnectionFailureMessages.CouldNotConnect));
        sellerPage.ShouldNotContain("CRM connection failing");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Pages_SeatHolder_Are403AndChangeNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var seller = await host.PageClientAsync(contract.SeatHolder);

        using var page = await seller.GetAsync("Admin/Crm/Disconnect");
        using var confirm = await seller.PostAsync("Admin/Crm/Disconnect?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["CleanUp"] = "true" }));
        using var alerts = await seller.GetAsync("Admin/Alerts");

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        confirm.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        alerts.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.StoredConnectionAsync(contract.Id)).Status.ShouldBe(OrgConnectionStatus.Connected);
    }
}
