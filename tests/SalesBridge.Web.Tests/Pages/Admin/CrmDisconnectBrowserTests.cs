using Microsoft.Playwright;
using SalesBridge.Web.Tests.CrmDisconnect;
using SalesBridge.Web.Tests.CrmHealth;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Pages.Admin;

/// <summary>Disconnecting and the alert banner as an admin uses them; the screenshots go to the admin guide.</summary>
[Collection(CrmCollection.Name)]
public sealed class CrmDisconnectBrowserTests(CrmWorkspaceFixture fixture, BrowserFixture browser)
{
    [BrowserFact]
    public async Task Disconnect_AdminTicksCleanUpAndConfirms_SeesTheResultAndAudit()
    {
        var host = await fixture.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        await SyncedWorkspace.ArrangeAsync(host, contract);
        await using var context = await browser.NewContextAsync(host);
        var page = await context.SignInAsync(contract.Admin);

        await page.GotoAsync("/Admin/Crm/Disconnect");
        await page.GetByLabel("Yes, clean up all previously imported CRM data").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Disconnect…" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alertdialog)).ToContainTextAsync("1 lead and 1 account that the sync imported will be removed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm disconnect" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Removed 1 lead, 1 account and 5 list entries that the sync created.");
        await Assertions.Expect(page.GetByText("Disconnected", new() { Exact = true })).ToBeVisibleAsync();
        var audit = page.GetByTestId("disconnect-audit");
        await Assertions.Expect(audit.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("1 lead, 1 account, 5 list entries");
        await audit.Locator("summary").First.ClickAsync();
        await Assertions.Expect(audit.GetByText(SyncedWorkspace.SyncAccountName, new() { Exact = false }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = GuideImages.PathOf("08-disconnect.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task AlertBanner_FailingConnection_ShownOnAdminPagesUntilDismissed()
    {
        var host = await fixture.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateAsync();
        var connection = await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        await host.SetClientSecretAsync(connection.Id, "wrong-secret");
        await host.CheckHealthAsync(contract);
        await using var context = await browser.NewContextAsync(host);
        var page = await context.SignInAsync(contract.Admin);

        await page.GotoAsync("/Admin");
        var banner = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "CRM connection failing" });
        await Assertions.Expect(banner).ToContainTextAsync("Could not connect to CRM. Please try again later.");
        await Assertions.Expect(banner).ToContainTextAsync("AADSTS7000215");
        await page.ScreenshotAsync(new() { Path = GuideImages.PathOf("09-alert.png") });
        await banner.GetByRole(AriaRole.Button, new() { Name = "Dismiss alert: CRM connection failing" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("was dismissed");
        await Assertions.Expect(page.GetByText("CRM connection failing")).ToHaveCountAsync(1, new() { Timeout = 5_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "CRM connection failing" })).ToHaveCountAsync(0);
    }
}
