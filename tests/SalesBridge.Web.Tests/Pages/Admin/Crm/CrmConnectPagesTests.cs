using System.Net;
using System.Web;
using SalesBridge.CrmConnection;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Pages.Admin.Crm;

/// <summary>CRM Settings, Connect to CRM and the sign-in callback as server-rendered pages: each outcome with the exact S4 message and cause.</summary>
[Collection(CrmCollection.Name)]
public sealed class CrmConnectPagesTests(CrmWorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task CrmSettings_NotConnected_OffersConnectAndAdminSettingsLinksToIt(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var web = await host.PageClientAsync(contract.Admin);

        var settings = await TextAsync(web, "Admin/Crm");
        var admin = await TextAsync(web, "Admin");

        settings.ShouldContain("Not connected");
        settings.ShouldContain("href=\"/Admin/Crm/Connect\"");
        admin.ShouldContain("href=\"/Admin/Crm\"");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Connect_OnPremisesUrl_ShowsTheMessageAndCauseAndNoRequestReachesTheOrg(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var web = await host.PageClientAsync(contract.Admin);
        var served = fixture.Emulator.RequestsServed();

        var page = await PostApplicationUserAsync(web, "https://crm.contoso.local");

        page.ShouldContain(ConnectionFailureMessages.CouldNotConnect);
        page.ShouldContain("'crm.contoso.local' is not a Dynamics 365 online org. On-premises Dynamics servers (including Internet-facing deployments) " +
            "are not supported; enter the URL of an online org, e.g. https://contoso.crm.dynamics.com.");
        fixture.Emulator.RequestsServed().ShouldBe(served);
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Connect_NotAWebAddress_ShowsWhatToEnter(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var web = await host.PageClientAsync(contract.Admin);

        var page = await PostApplicationUserAsync(web, "contoso");

        page.ShouldContain(ConnectionFailureMessages.CouldNotConnect);
        page.ShouldContain("'contoso' is not a web address. Enter the org's URL as https://<org>.crm.dynamics.com.");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Connect_UnreachableOrg_ShowsNoAnswer(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var web = await host.PageClientAsync(contract.Admin);

        var page = await PostApplicationUserAsync(web, $"https://127.0.0.1:{CrmConnectSteps.ClosedPort()}/");

        page.ShouldContain(ConnectionFailureMessages.CouldNotConnect);
        page.ShouldContain("No answer from 127.0.0.1: ");
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Connect_WrongSecret_ShowsCouldNotConnectAndNeverRendersTheSecret(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var web = await host.PageClientAsync(contract.Admin);

        var page = await PostApplicationUserAsync(web, fixture.Emulator.BaseUri.ToString(), secret: "Wrong-Secret-4711");

        page.ShouldContain(ConnectionFailureMessages.CouldNotConnect);
        page.ShouldContain("Entra ID refused the sign-in (invalid_client): AADSTS7000215: Invalid client secret provided.");
        page.ShouldNotContain("Wrong-Secret-4711");
        page.ShouldContain(fixture.Emulator.World.Spec.IntegrationClientId.ToString(), customMessage: "the client id stays in the form");
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Connect_Version80_ShowsTheVersionCause(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var web = await host.PageClientAsync(contract.Admin);

        var page = await PostApplicationUserAsync(web, extraOrg: "v80");

        page.ShouldContain(ConnectionFailureMessages.CouldNotConnect);
        page.ShouldContain("The org runs Dynamics version 8.0. SalesBridge needs Dynamics 365 online 8.2 or newer; ask Microsoft to update the org.");
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Connect_ApplicationUserOfSandbox_ConnectsAndCrmSettingsShowsSandbox(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var web = await host.PageClientAsync(contract.Admin);

        var response = await PostApplicationUserResponseAsync(web, extraOrg: "sandbox");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var settings = await TextAsync(web, "Admin/Crm");
        settings.ShouldContain("Connected to Microsoft Dynamics");
        settings.ShouldContain("Successfully connected, sync in progress");
        settings.ShouldContain("<strong class=\"sandbox-label\">Sandbox</strong>");
        settings.ShouldContain("Every check passed");
        settings.ShouldContain("href=\"/Admin/Crm/Settings\"");
        settings.ShouldContain("href=\"/Admin/Crm/Disconnect\"");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SignIn_FullRoundTripThroughThePages_ShowsConnectedAsTheSignedInAccount(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var web = await host.PageClientAsync(contract.Admin);
        var admin = fixture.Emulator.World.Admin;

        var completed = await SignInThroughThePagesAsync(web, admin);

        completed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await completed.Content.ReadAsStringAsync());
        var settings = await TextAsync(web, "Admin/Crm");
        settings.ShouldContain("Connected to Microsoft Dynamics");
        settings.ShouldContain("Successfully connected, sync in progress");
        settings.ShouldContain($"Dynamics account {admin.DomainName}", Case.Insensitive);
        (await host.ConnectionAsync(contract.Id))!.ProtectedTokenCache.ShouldNotBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SignIn_UserWithoutOpportunityRead_ShowsInsufficientPrivilegesNamingIt(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var web = await host.PageClientAsync(contract.Admin);

        var completed = await SignInThroughThePagesAsync(web, fixture.Emulator.World.SalespersonWithoutOpportunityRead);

        completed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = HttpUtility.HtmlDecode(await completed.Content.ReadAsStringAsync());
        page.ShouldContain("Your CRM account does not have sufficient access privileges. Please check with your CRM administrator.");
        page.ShouldContain("Missing prvReadOpportunity (");
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SignIn_FailingWhileConnectedAsApplicationUser_LeavesTheConnectionAsItWas(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var web = await host.PageClientAsync(contract.Admin);
        (await PostApplicationUserResponseAsync(web)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var before = (await host.ConnectionAsync(contract.Id)).ShouldNotBeNull();

        var completed = await SignInThroughThePagesAsync(web, fixture.Emulator.World.SalespersonWithoutOpportunityRead);

        HttpUtility.HtmlDecode(await completed.Content.ReadAsStringAsync()).ShouldContain(ConnectionFailureMessages.InsufficientPrivileges);
        var after = (await host.ConnectionAsync(contract.Id)).ShouldNotBeNull();
        after.Revision.ShouldBe(before.Revision);
        after.SignInMethod.ShouldBe(OrgSignInMethod.ApplicationUser);
        after.Status.ShouldBe(OrgConnectionStatus.Connected);
        after.ProtectedTokenCache.ShouldBeNull("the refused account's tokens are not kept");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SignIn_CompletedByAnotherAdmin_IsRefusedAndStoresNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var starter = await host.PageClientAsync(contract.Admin);
        using var other = await host.PageClientAsync(contract.AdminSeatHolder);
        var start = await starter.PostFormAsync("Admin/Crm/Connect?handler=SignIn", new() { ["Input.OrganizationUrl"] = fixture.Emulator.BaseUri.ToString() });
        var callback = await fixture.Emulator.SignInOnEmulatorAsync(start.Headers.Location!, fixture.Emulator.World.Admin);

        var page = HttpUtility.HtmlDecode(await TextOfAsync(other, callback.PathAndQuery.TrimStart('/')));

        page.ShouldContain("This sign-in response does not belong to a sign-in you started here");
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SignIn_StateOfAnotherSignIn_IsRefusedAndStoresNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var web = await host.PageClientAsync(contract.Admin);
        var start = await web.PostFormAsync("Admin/Crm/Connect?handler=SignIn", new() { ["Input.OrganizationUrl"] = fixture.Emulator.BaseUri.ToString() });
        var callback = await fixture.Emulator.SignInOnEmulatorAsync(start.Headers.Location!, fixture.Emulator.World.Admin);
        var code = HttpUtility.ParseQueryString(callback.Query)["code"];

        var page = HttpUtility.HtmlDecode(await TextOfAsync(web, $"Admin/Crm/SignedIn?code={Uri.EscapeDataString(code!)}&state=forged-state"));

        page.ShouldContain(ConnectionFailureMessages.CouldNotConnect);
        page.ShouldContain("This sign-in response does not belong to a sign-in you started here (the state does not match), or it expired");
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SignIn_ErrorFromTheSignInPage_ShowsWhatEntraSaid(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var web = await host.PageClientAsync(contract.Admin);

        var page = HttpUtility.HtmlDecode(await TextOfAsync(web, "Admin/Crm/SignedIn?error=access_denied&error_description=AADSTS65004%3A+User+declined+to+consent.&state=x"));

        page.ShouldContain(ConnectionFailureMessages.CouldNotConnect);
        page.ShouldContain("The sign-in was not completed. Microsoft Entra ID said: AADSTS65004: User declined to consent. (access_denied)");
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SeatHolder_EveryCrmPage_IsRefused(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var web = await host.PageClientAsync(contract.SeatHolder);

        foreach (var path in new[] { "Admin/Crm", "Admin/Crm/Connect", "Admin/Crm/SignedIn?code=x&state=y" })
        {
            (await web.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        }
        // With a valid antiforgery token (from the seat holder's own Leads page), so only the admin check can refuse it.
        var token = System.Text.RegularExpressions.Regex.Match(await web.GetStringAsync("Leads"), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var post = await web.PostAsync("Admin/Crm/Connect?handler=ApplicationUser", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.OrganizationUrl"] = fixture.Emulator.BaseUri.ToString(),
        }));
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    private async Task<HttpResponseMessage> SignInThroughThePagesAsync(HttpClient web, CrmUser user)
    {
        var start = await web.PostFormAsync("Admin/Crm/Connect?handler=SignIn",
            new() { ["Input.OrganizationUrl"] = fixture.Emulator.BaseUri.ToString(), ["Input.LoginHint"] = user.DomainName });
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect, await start.Content.ReadAsStringAsync());
        start.Headers.Location!.OriginalString.ShouldNotContain(" ", customMessage: "the sign-in URL is sent escaped");
        var callback = await fixture.Emulator.SignInOnEmulatorAsync(start.Headers.Location!, user);
        return await web.GetAsync(callback.PathAndQuery);
    }

    private Task<HttpResponseMessage> PostApplicationUserResponseAsync(HttpClient web, string? url = null, string? secret = null, string? extraOrg = null)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToElement(CrmConnectSteps.ApplicationUser(fixture.Emulator, extraOrg, url, secret));
        return web.PostFormAsync("Admin/Crm/Connect?handler=ApplicationUser", new()
        {
            ["Input.OrganizationUrl"] = body.GetProperty("organizationUrl").GetString()!,
            ["Input.TenantId"] = body.GetProperty("tenantId").GetString()!,
            ["Input.ClientId"] = body.GetProperty("clientId").GetString()!,
            ["Input.ClientSecret"] = body.GetProperty("clientSecret").GetString()!,
        });
    }

    /// <summary>Posts the application-user form and returns the page shown for the failed check, HTML-decoded.</summary>
    private async Task<string> PostApplicationUserAsync(HttpClient web, string? url = null, string? secret = null, string? extraOrg = null)
    {
        var response = await PostApplicationUserResponseAsync(web, url, secret, extraOrg);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("The connection check failed");
        return HttpUtility.HtmlDecode(html);
    }

    private static async Task<string> TextAsync(HttpClient web, string path) => HttpUtility.HtmlDecode(await TextOfAsync(web, path));

    private static async Task<string> TextOfAsync(HttpClient web, string path)
    {
        var response = await web.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return html;
    }
}
