using System.Net;
using Microsoft.Playwright;
using SalesBridge.CrmImport;
using SalesBridge.CrmSeats;
using SalesBridge.Web.Tests.CrmImportEngine;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmImportPreview;

/// <summary>Admin > CRM Sync > Preview (SPEC B4) as a server-rendered page, and in Chromium.</summary>
[Collection(CrmCollection.Name)]
public sealed class PreviewPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task PreviewPage_RunsOnlyOnTheButton_ShowsEachSeatWithItsItems_AdminsOnly()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var seller = org.Salespeople[0];
        await org.AddSeatHolderAsync(seller);
        await PreviewRulesTests.RefreshUsersAsync(org);
        var before = await org.Host.ImportRowsAsync(org.Contract.Id);
        using var client = await org.Host.PageClientAsync(org.Contract.Admin);

        (await client.GetStringAsync("Admin/Crm/Sync")).ShouldContain("href=\"/Admin/Crm/Sync/Preview\"");
        var empty = WebUtility.HtmlDecode(await client.GetStringAsync("Admin/Crm/Sync/Preview"));
        empty.ShouldContain("Run preview");
        empty.ShouldNotContain("preview-seats");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("Admin/Crm/Sync/Preview?run=true"));

        html.ShouldContain("class=\"rows preview-seats\"");
        html.ShouldContain(seller.FullName);
        html.ShouldContain($"Items of {seller.FullName}");
        html.ShouldContain("<details>");
        html.ShouldContain("Not Sure: every open opportunity counts");
        var account = org.BroughtIn(org.OpenOpportunitiesOf(seller)).Accounts.First();
        html.ShouldContain(account.ToString());
        (html.Contains("tag ok\">Matched", StringComparison.Ordinal) || html.Contains("tag warn\">Unmatched", StringComparison.Ordinal)).ShouldBeTrue();
        html.ShouldContain(SeatCrmReasons.NoCrmUser);
        (await org.Host.ImportRowsAsync(org.Contract.Id)).ShouldBe(before);

        using var seatHolder = await org.Host.PageClientAsync(org.Contract.SeatHolder);
        (await seatHolder.GetAsync("Admin/Crm/Sync/Preview?run=true")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var unconnected = await org.Host.CreateAsync();
        using var otherAdmin = await org.Host.PageClientAsync(unconnected.Admin);
        WebUtility.HtmlDecode(await otherAdmin.GetStringAsync("Admin/Crm/Sync/Preview?run=true")).ShouldContain(StartSyncRun.NotConnected);
    }

    [BrowserFact]
    public async Task PreviewPage_InChromium_FromCrmSync_RunsAndOpensASeatsItems()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var seller = org.Salespeople[0];
        await org.AddSeatHolderAsync(seller);
        await PreviewRulesTests.RefreshUsersAsync(org);
        await using var context = await browser.NewContextAsync(org.Host);
        context.SetDefaultTimeout(30_000);
        var page = await context.SignInAsync(org.Contract.Admin);
        await page.SetViewportSizeAsync(1280, 1000);

        await page.GotoAsync("/Admin/Crm/Sync");
        await page.GetByRole(AriaRole.Link, new() { Name = "Preview what a sync would import" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run preview" }).ClickAsync();

        var row = page.Locator("tr.preview-seat").Filter(new() { HasText = seller.FullName });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        var items = page.Locator("tr.preview-details table.preview-items").First;
        await Assertions.Expect(items).ToBeHiddenAsync();
        await page.GetByText($"Items of {seller.FullName}").ClickAsync();
        await Assertions.Expect(items).ToBeVisibleAsync();
        await Assertions.Expect(items.Locator("tbody tr").First).ToContainTextAsync("atched");
        await page.ScreenshotAsync(new() { Path = GuideImages.PathOf("crm-sync-preview.png"), FullPage = true });
    }
}
