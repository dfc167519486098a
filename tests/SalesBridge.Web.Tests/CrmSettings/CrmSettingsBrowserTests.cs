using Microsoft.Playwright;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmSettings;

/// <summary>The admin guide's settings steps in Chromium, against an org of the test's own; the screenshots go into the admin guide.</summary>
[Collection(CrmCollection.Name)]
public sealed class CrmSettingsBrowserTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Settings_InstallSolutionChooseStageAndValueEnableWriteBack_ShowsTheChanges()
    {
        await using var org = await OwnCrmOrg.StartAsync(TestDatabases.Sqlite);
        var contract = await org.ConnectedContractAsync();
        // A fresh host's first pages are slow on a busy machine; warm it so the browser's waits measure the pages.
        using (var warm = org.Host.CreateClient()) (await warm.GetAsync("SignIn")).EnsureSuccessStatusCode();
        await using var context = await browser.NewContextAsync(org.Host);
        context.SetDefaultTimeout(30_000);
        var page = await context.SignInAsync(contract.Admin);
        await page.SetViewportSizeAsync(1280, 1400);

        await page.GotoAsync("/Admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "CRM Settings" })).ToBeVisibleAsync();
        await page.GotoAsync("/Admin/Crm/Settings");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The SalesBridge solution is missing from your CRM" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = GuideImages.PathOf("06-solution-missing.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Install the SalesBridge solution" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The SalesBridge solution is installed");
        await Assertions.Expect(page.GetByText("The SalesBridge solution is missing from your CRM")).ToHaveCountAsync(0);

        await page.GetByLabel("At which stage does your sales team consider an opportunity to enter your pipeline?")
            .SelectOptionAsync(new SelectOptionValue { Value = "salesstage:1" });
        await page.GetByLabel("Where do you store the value for a won opportunity?").SelectOptionAsync("estimatedvalue");
        await page.ScreenshotAsync(new() { Path = GuideImages.PathOf("05-settings.png"), FullPage = true });
        await page.GetByRole(AriaRole.Group, new() { Name = "Enable SalesBridge to sync back data to your CRM?" }).GetByLabel("Yes (recommended)").CheckAsync();
        await page.GetByLabel("Sync back all data items (recommended)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("CRM settings saved.");
        var changes = page.GetByRole(AriaRole.Table);
        await Assertions.Expect(changes.GetByRole(AriaRole.Row).Filter(new() { HasText = "Write-back" }).Filter(new() { HasText = "No → Yes" })).ToHaveCountAsync(1);
        await Assertions.Expect(changes.GetByRole(AriaRole.Row).Filter(new() { HasText = "Pipeline stage" })).ToContainTextAsync(": Develop");
        await Assertions.Expect(changes.GetByRole(AriaRole.Row).Filter(new() { HasText = "Won-opportunity value" })).ToContainTextAsync("estimatedvalue");
        await Assertions.Expect(changes.GetByRole(AriaRole.Row).Filter(new() { HasText = "SalesBridge solution" })).ToContainTextAsync("Missing → Installed");
        await page.Locator("#write-back").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = GuideImages.PathOf("07-write-back.png"), FullPage = true });
    }
}
