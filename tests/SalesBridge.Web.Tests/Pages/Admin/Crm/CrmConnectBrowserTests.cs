using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Pages.Admin.Crm;

/// <summary>
/// The admin guide's connect steps in Chromium against the emulator: Admin > CRM Settings > Connect to CRM > sign in
/// with a Dynamics account on the emulator's sign-in page > back in SalesBridge, connected. The screenshots it takes
/// are the admin guide's (see <see cref="GuideImages"/>), so they stay current with the pages.
/// </summary>
[Collection(CrmCollection.Name)]
public sealed class CrmConnectBrowserTests(CrmWorkspaceFixture fixture, BrowserFixture browser)
{
    [BrowserFact]
    public async Task ConnectToCrm_SignInWithADynamicsAccount_ShowsConnectedAndSyncInProgress()
    {
        var host = await fixture.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateAsync();
        await using var context = await browser.NewContextAsync(host);
        var page = await context.SignInAsync(contract.Admin);
        await page.SetViewportSizeAsync(1280, 900);
        // The emulator's sign-in page is served with its own self-signed certificate (SalesBridge pins it; Chromium cannot).
        var devTools = await context.NewCDPSessionAsync(page);
        await devTools.SendAsync("Security.setIgnoreCertificateErrors", new Dictionary<string, object> { ["ignore"] = true });
        var crmAdmin = fixture.Emulator.World.Admin;

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).Locator("summary", new() { HasText = "Admin" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Admin Settings" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "CRM Settings", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not connected" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "01-crm-settings.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "Connect to CRM" }).ClickAsync();
        await page.GetByLabel("Organization URL").FillAsync(fixture.Emulator.BaseUri.ToString());
        await Assertions.Expect(page.GetByText("We recommend an integration user or a generic account")).ToBeVisibleAsync();
        // Only the chosen credential's fields show.
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Client secret" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Certificate file (.pfx with its private key)")).ToBeHiddenAsync();
        await ScreenshotAsync(page, "02-connect.png");
        await page.GetByLabel("Certificate (.pfx)").CheckAsync();
        await Assertions.Expect(page.GetByLabel("Certificate file (.pfx with its private key)")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Client secret" })).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a Dynamics account" }).ClickAsync();

        await page.WaitForAsync("^" + Regex.Escape(fixture.Emulator.BaseUri.ToString()));
        await page.GetByLabel("Email, phone, or Skype").FillAsync(crmAdmin.DomainName);
        await page.GetByLabel("Password").FillAsync(fixture.Emulator.World.Spec.DemoPassword);
        await ScreenshotAsync(page, "03-sign-in.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForAsync("/Admin/Crm$");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connected to Microsoft Dynamics" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Successfully connected, sync in progress")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(crmAdmin.DomainName, new() { Exact = false })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "04-connected.png");
    }

    private static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = GuideImages.PathOf(name), FullPage = true });
}
