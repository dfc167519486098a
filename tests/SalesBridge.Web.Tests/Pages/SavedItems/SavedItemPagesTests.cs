using System.Net;
using System.Text.RegularExpressions;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Pages.SavedItems;

/// <summary>
/// The leads, accounts and lists pages render for a signed-in seat holder, and the save endpoints other pages post
/// to work as promised. (Browser behaviour is covered by the Playwright tests.)
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed partial class SavedItemPagesTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Pages_NewSeatHolder_RenderEmptyStatesAndSystemLists(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var browser = await host.PageClientAsync(mine.SeatHolder);

        var leads = await browser.GetStringAsync("/Leads");
        var accounts = await browser.GetStringAsync("/Accounts");
        var lists = await browser.GetStringAsync("/Lists");

        leads.ShouldContain("No saved leads yet — <a href=\"/People\">search people to save your first lead</a>");
        leads.ShouldContain("My CRM Leads");
        accounts.ShouldContain("No saved accounts yet");
        accounts.ShouldContain("My CRM Accounts");
        lists.ShouldContain("My CRM Leads");
        lists.ShouldContain("cannot be renamed or deleted");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SaveHandlers_FromAnotherPage_SaveAndRedirectBackWithNotice(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var browser = await host.PageClientAsync(mine.SeatHolder);

        var lead = await browser.PostFormAsync("/Leads?handler=Save", new() { ["personId"] = mine.PersonIds[0].ToString(), ["returnUrl"] = $"/People/{mine.PersonIds[0]}" });
        var leadsPage = await PageAsync(browser, "/Leads");
        var account = await browser.PostFormAsync("/Accounts?handler=Save", new() { ["companyId"] = mine.CompanyIds[0].ToString(), ["returnUrl"] = "https://evil.example/" });
        var accountsPage = await PageAsync(browser, "/Accounts");
        var otherContract = await host.CreateAsync();
        var theirs = await browser.PostFormAsync("/Leads?handler=Save", new() { ["personId"] = otherContract.PersonIds[0].ToString(), ["returnUrl"] = "/Leads" });

        lead.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        lead.Headers.Location!.ToString().ShouldBe($"/People/{mine.PersonIds[0]}");
        leadsPage.ShouldContain("Saved Jürgen Schäfer as a lead.");
        leadsPage.ShouldContain($"href=\"/People/{mine.PersonIds[0]}\"");
        leadsPage.ShouldContain($"href=\"/Companies/{mine.CompanyIds[0]}\"");
        account.Headers.Location!.ToString().ShouldBe("/Accounts");
        accountsPage.ShouldContain("Saved Müller Maschinenbau GmbH as an account.");
        theirs.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PageAsync(browser, "/Leads")).ShouldNotContain(otherContract.PersonIds[0].ToString());
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task UnsaveHandler_SavedLead_RemovesIt(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var browser = await host.PageClientAsync(mine.SeatHolder);
        await browser.PostFormAsync("/Leads?handler=Save", new() { ["personId"] = mine.PersonIds[1].ToString(), ["returnUrl"] = "/Leads" });
        var savedLeadId = SavedLeadIdPattern().Match(await browser.GetStringAsync("/Leads")).Groups[1].Value;

        var response = await browser.PostFormAsync("/Leads?handler=Unsave", new() { ["savedLeadId"] = savedLeadId, ["returnUrl"] = "/Leads" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await browser.GetStringAsync("/Leads");
        page.ShouldContain("Removed Anna Berg from your leads.");
        page.ShouldContain("No saved leads yet");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ListsPage_CreateWithoutName_ShowsTheErrorNextToTheField(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var browser = await host.PageClientAsync(mine.SeatHolder);

        var blank = await browser.PostFormAsync("/Lists?handler=Create", new() { ["NewList.Name"] = " ", ["NewList.Kind"] = "Leads" });
        var created = await browser.PostFormAsync("/Lists?handler=Create", new() { ["NewList.Name"] = "Trade fair", ["NewList.Kind"] = "Accounts" });

        blank.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await blank.Content.ReadAsStringAsync()).ShouldContain("name is required.");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetStringAsync("/Accounts")).ShouldContain("Trade fair");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Pages_AdminWithoutSeat_Are403(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var browser = await host.PageClientAsync(mine.Admin);

        foreach (var path in new[] { "/Leads", "/Accounts", "/Lists" })
        {
            var response = await browser.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await response.Content.ReadAsStringAsync()).ShouldContain("Not allowed");
        }
    }

    /// <summary>The page's HTML with character references decoded, so that names read as they are.</summary>
    private static async Task<string> PageAsync(HttpClient browser, string path) => WebUtility.HtmlDecode(await browser.GetStringAsync(path));

    [GeneratedRegex("name=\"savedLeadId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SavedLeadIdPattern();
}
