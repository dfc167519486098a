using Microsoft.Playwright;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Pages;

[Collection(WorkspaceCollection.Name)]
public sealed class SignInPageTests(WorkspaceFixture workspace, BrowserFixture browser)
{
    [BrowserFact]
    public async Task SignIn_WrongPassword_ShowsErrorAndStaysSignedOut()
    {
        var host = await workspace.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateAsync();
        await using var context = await browser.NewContextAsync(host);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/SignIn");
        await page.GetByLabel("Email").FillAsync(contract.SeatHolder.Email);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is not correct.");
        await page.GotoAsync("/People");
        page.Url.ShouldContain("/SignIn");
    }

    [BrowserFact]
    public async Task SignIn_AdminWithoutSeat_LandsOnAdminAndSeatPagesAreRefused()
    {
        var host = await workspace.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateAsync();
        await using var context = await browser.NewContextAsync(host);

        var page = await context.SignInAsync(contract.Admin);

        page.Url.ShouldEndWith("/Admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Leads" })).ToHaveCountAsync(0);
        var response = await page.GotoAsync("/People");
        response!.Status.ShouldBe(403);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("holds no seat")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task SignOut_FromTheMenu_EndsTheSession()
    {
        var host = await workspace.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateAsync();
        await using var context = await browser.NewContextAsync(host);
        var page = await context.SignInAsync(contract.SeatHolder);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.WaitForAsync("/SignIn$");
        await page.GotoAsync("/Leads");
        page.Url.ShouldContain("/SignIn");
    }
}
