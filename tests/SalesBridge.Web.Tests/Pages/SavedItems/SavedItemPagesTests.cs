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
        using var browser = await SignInAsync(host, mine.SeatHolder);

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
        using var browser = await SignInAsync(host, mine.SeatHolder);
        var token = await TokenAsync(browser, "/Leads");

        var lead = await browser.PostAsync("/Leads?handler=Save", Form(token, ("personId", mine.PersonIds[0].ToString()), ("returnUrl", $"/People/{mine.PersonIds[0]}")));
        var leadsPage = await PageAsync(browser, "/Leads");
        var account = await browser.PostAsync("/Accounts?handler=Save", Form(token, ("companyId", mine.CompanyIds[0].ToString()), ("returnUrl", "https://evil.example/")));
        var accountsPage = await PageAsync(browser, "/Accounts");
        var otherContract = await host.CreateAsync();
        var theirs = await browser.PostAsync("/Leads?handler=Save", Form(token, ("personId", otherContract.PersonIds[0].ToString()), ("returnUrl", "/Leads")));

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
        using var browser = await SignInAsync(host, mine.SeatHolder);
        var token = await TokenAsync(browser, "/Leads");
        await browser.PostAsync("/Leads?handler=Save", Form(token, ("personId", mine.PersonIds[1].ToString()), ("returnUrl", "/Leads")));
        var savedLeadId = SavedLeadIdPattern().Match(await browser.GetStringAsync("/Leads")).Groups[1].Value;

        var response = await browser.PostAsync("/Leads?handler=Unsave", Form(token, ("savedLeadId", savedLeadId), ("returnUrl", "/Leads")));

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
        using var browser = await SignInAsync(host, mine.SeatHolder);
        var token = await TokenAsync(browser, "/Lists");

        var blank = await browser.PostAsync("/Lists?handler=Create", Form(token, ("NewList.Name", " "), ("NewList.Kind", "Leads")));
        var created = await browser.PostAsync("/Lists?handler=Create", Form(token, ("NewList.Name", "Trade fair"), ("NewList.Kind", "Accounts")));

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
        using var browser = await SignInAsync(host, mine.Admin);

        foreach (var path in new[] { "/Leads", "/Accounts", "/Lists" })
        {
            var response = await browser.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await response.Content.ReadAsStringAsync()).ShouldContain("Not allowed");
        }
    }

    private static async Task<HttpClient> SignInAsync(WorkspaceHost host, TestUser user)
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = host.BaseUri };
        var token = await TokenAsync(browser, "/SignIn");
        var response = await browser.PostAsync("/SignIn", Form(token, ("Input.Email", user.Email), ("Input.Password", TestContracts.Password)));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }

    /// <summary>The page's HTML with character references decoded, so that names read as they are.</summary>
    private static async Task<string> PageAsync(HttpClient browser, string path) => WebUtility.HtmlDecode(await browser.GetStringAsync(path));

    private static async Task<string> TokenAsync(HttpClient browser, string path)
    {
        var page = await browser.GetStringAsync(path);
        var token = TokenPattern().Match(page).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        return token;
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(field => KeyValuePair.Create(field.Name, field.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"savedLeadId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SavedLeadIdPattern();
}
