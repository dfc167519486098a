using Microsoft.Playwright;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Pages.Admin;

/// <summary>The admin pages as a person uses them: labels, the add-user form, confirmations and notices.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class SeatManagementBrowserTests(WorkspaceFixture workspace, BrowserFixture browser)
{
    [BrowserFact]
    public async Task SeatManagement_AddUserThenRemoveThem_ShowsNoticesAndUsage()
    {
        var host = await workspace.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateAsync(seatCount: 10);
        await using var context = await browser.NewContextAsync(host);
        var page = await context.SignInAsync(contract.Admin);
        var email = $"browser.{Guid.NewGuid():N}@test.example.com";

        await page.GotoAsync("/Admin/Seats");
        await Assertions.Expect(page.GetByText("3 of 10 seats assigned")).ToBeVisibleAsync();
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Display name").FillAsync("Bruno Browser");
        await page.GetByLabel("Initial password").FillAsync("Welcome2026x");
        await page.GetByLabel("Assign a seat").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Bruno Browser was added with a seat.");
        await Assertions.Expect(page.GetByText("4 of 10 seats assigned")).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await row.GetByRole(AriaRole.Button, new() { Name = "Remove user" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The user and their saved data were removed.");
        await Assertions.Expect(page.GetByText("3 of 10 seats assigned")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task SeatManagement_WeakPassword_ShowsTheErrorNextToThePassword()
    {
        var host = await workspace.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateAsync();
        await using var context = await browser.NewContextAsync(host);
        var page = await context.SignInAsync(contract.AdminSeatHolder);

        await page.GotoAsync("/Admin/Seats");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"weak.{Guid.NewGuid():N}@test.example.com");
        await page.GetByLabel("Display name").FillAsync("Wendy Weak");
        await page.GetByLabel("Initial password").FillAsync("weak");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Password']")).ToContainTextAsync("at least 8 characters");
        (await host.UserCountAsync(contract.Id)).ShouldBe(4);
    }

    [BrowserFact]
    public async Task AdminSettings_SeatHolder_SeesNotAllowedAndNoAdminMenu()
    {
        var host = await workspace.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateAsync();
        await using var context = await browser.NewContextAsync(host);
        var page = await context.SignInAsync(contract.SeatHolder);

        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByText("Admin")).ToHaveCountAsync(0);
        var response = await page.GotoAsync("/Admin");
        response!.Status.ShouldBe(403);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task AdminSettings_Admin_SeesCrmNotConnectedWithoutAConnectButton()
    {
        var host = await workspace.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateAsync();
        await using var context = await browser.NewContextAsync(host);
        var page = await context.SignInAsync(contract.Admin);

        await page.GotoAsync("/Admin");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "CRM Settings" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Not connected")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Connect to CRM" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Company name")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Test Co "));
    }
}
