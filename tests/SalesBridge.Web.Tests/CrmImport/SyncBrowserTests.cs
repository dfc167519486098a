using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesBridge.CrmImport;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmImport;

/// <summary>CRM Sync in Chromium: the progress bar follows a running run, then the admin presses Sync now and sees the outcome.</summary>
[Collection(CrmCollection.Name)]
public sealed class SyncBrowserTests(CrmWorkspaceFixture fixture, BrowserFixture browser)
{
    [BrowserFact]
    public async Task SyncPage_ProgressBarFollowsTheRun_ThenSyncNowShowsItsOutcomeInTheHistory()
    {
        var host = await fixture.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        var running = await host.InsertRunAsync(contract.Id, SyncRunStatus.Running, DateTimeOffset.UtcNow, heartbeatAt: DateTimeOffset.UtcNow);
        await using var context = await browser.NewContextAsync(host);
        context.SetDefaultTimeout(30_000);
        var page = await context.SignInAsync(contract.Admin);
        await page.SetViewportSizeAsync(1280, 1000);

        await page.GotoAsync("/Admin/Crm");
        await page.GetByRole(AriaRole.Link, new() { Name = "CRM Sync" }).ClickAsync();
        var progress = page.Locator("#sync-progress");
        await Assertions.Expect(progress.Locator("progress")).ToHaveAttributeAsync("value", "30");

        // The engine reports progress; the page picks it up without a reload.
        await host.UpdateRunAsync(running.Id, run =>
        {
            run.StepsDone = 7;
            run.Phase = "Matching contacts";
            run.Counts = new SyncRunCounts { Seats = 2, RecordsRead = 480, Added = 31 };
        });
        await Assertions.Expect(progress).ToContainTextAsync("Matching contacts · 70%");
        await Assertions.Expect(progress).ToContainTextAsync("480 read · 31 added");
        await page.ScreenshotAsync(new() { Path = GuideImages.PathOf("crm-sync-progress.png"), FullPage = true });

        // The run ends: the page shows its outcome and its history row.
        await host.UpdateRunAsync(running.Id, run =>
        {
            run.Status = SyncRunStatus.Succeeded;
            run.EndedAt = DateTimeOffset.UtcNow;
        });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Last run" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.sync-history tbody tr")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sync started.");
        var row = page.Locator("table.sync-history tbody tr").Filter(new() { HasText = "Sync now" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        // The background job ends the run; the page then shows how it ended (reloaded by its script, or as loaded).
        var runId = await host.QueryAsync(db => db.SyncRuns.Where(r => r.ContractId == contract.Id && r.Trigger == SyncTrigger.SyncNow).Select(r => r.Id).SingleAsync());
        var ended = await host.WaitForEndAsync(runId);
        // A page of its own: reloading this one would race its script's reload when the run ends (both navigate).
        await page.CloseAsync();
        var after = await context.NewPageAsync();
        await after.SetViewportSizeAsync(1280, 1000);
        await after.GotoAsync("/Admin/Crm/Sync");
        var endedRow = after.Locator("table.sync-history tbody tr").Filter(new() { HasText = "Sync now" });
        await Assertions.Expect(endedRow).ToContainTextAsync(ended.Status == SyncRunStatus.Failed ? "Failed" : "Succeeded");
        await after.ScreenshotAsync(new() { Path = GuideImages.PathOf("crm-sync-history.png"), FullPage = true });
    }
}
