using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesBridge.CrmRecords;
using SalesBridge.CrmSettings;
using SalesBridge.Web.Pages.Shared;
using SalesBridge.Web.Tests.Infrastructure;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.Tests.WriteBack;

/// <summary>
/// A seat holder in Chromium against an emulator org the host's worker really writes to (S14, S15): an InMail to a matched
/// person shows "In CRM" linking its activity; one to a person without a CRM record shows as unresolved and is in their
/// unresolved report, whose Create record makes the contact and the InMail is then completed on it (S17). Takes the seat
/// holder guide's screenshots.
/// </summary>
public sealed class WriteBackBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Guide = "seat-holder-guide";

    [BrowserFact]
    public async Task InMailCopiedToCrm_ThreadShowsInCrmLinkToTheActivity_UnmatchedPersonShowsUnresolved_CreateRecordFromTheReportCompletesIt()
    {
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite);
        var (matchedId, contactId) = await org.MatchedPersonAsync();
        var unmatchedId = await org.UnmatchedPersonAsync();
        // An email no CRM contact has, so Create record from the report is not stopped by a look-alike (the page tests cover that).
        await org.Host.QueryAsync(db => db.People.Where(p => p.Id == unmatchedId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Email, "walk@create-record.test")));
        var orgUrl = await org.Host.QueryAsync(db => db.OrgConnections.Where(c => c.ContractId == org.ContractId).Select(c => c.OrganizationUrl).SingleAsync());
        await using var context = await browser.NewContextAsync(org.Host);
        context.SetDefaultTimeout(30_000);
        var page = await context.SignInAsync(org.Seller);
        await page.SetViewportSizeAsync(1100, 800);

        await SendInMailAsync(page, matchedId, "Your new plant in Lyon", "Congratulations on the new plant. Shall we talk about the line layout?");
        var message = page.Locator("ul.thread > li").First;
        var inCrm = message.GetByRole(AriaRole.Link, new() { Name = "In CRM" });
        await ReloadUntilVisibleAsync(page, inCrm);
        var item = await org.WaitForAsync(await MessageIdAsync(page), i => i.Status == WriteBackStatus.Written, "the InMail to be written");
        item.RegardingCrmId.ShouldBe(contactId);
        var table = SalesBridgeSolution.TableFor(WriteBackItemKind.InMail).LogicalName;
        (await inCrm.GetAttributeAsync("href")).ShouldBe(CrmRecordLink.For(orgUrl, table, item.ActivityId));
        (await inCrm.GetAttributeAsync("target")).ShouldBe("_blank");
        var activity = (await org.ActivityAsync(WriteBackItemKind.InMail, item.ItemId)).ShouldNotBeNull("the link points at an activity that is in the org");
        activity["activityid"]!.GetValue<Guid>().ShouldBe(item.ActivityId);
        // On the contact's timeline: completed, regarding the contact; owned by the seat holder, created by the integration user (S16's default).
        activity["statecode"]!.GetValue<int>().ShouldBe(1);
        activity["_regardingobjectid_value"]!.GetValue<Guid>().ShouldBe(contactId);
        activity["_ownerid_value"]!.GetValue<Guid>().ShouldBe(org.SellerCrm.Id);
        activity["_createdby_value"]!.GetValue<Guid>().ShouldBe(org.Import.World.IntegrationUser.Id);
        await page.ScreenshotAsync(new() { Path = GuideImages.PathOf("thread-in-crm.png", Guide), FullPage = true });

        await SendInMailAsync(page, unmatchedId, "Meeting at the fair", "Good to meet you at the fair; here is the brochure we talked about.");
        var open = page.Locator("ul.thread > li").First.GetByText(CrmItemStatus.UnresolvedText);
        await ReloadUntilVisibleAsync(page, open);
        var openItem = await org.WaitForAsync(await MessageIdAsync(page), i => i.Status == WriteBackStatus.Unresolved, "the InMail to be written open");
        (await page.Locator("ul.thread > li").First.GetByRole(AriaRole.Link, new() { Name = "Open activity" }).GetAttributeAsync("href"))
            .ShouldBe(CrmRecordLink.For(orgUrl, table, openItem.ActivityId));
        await page.ScreenshotAsync(new() { Path = GuideImages.PathOf("thread-unresolved.png", Guide), FullPage = true });
        var unresolvedThread = page.Url;

        // The person's row acts on the person directly: Edit match opens their CRM card, Create record posts to it.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Unresolved" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/WriteBack/Unresolved"), new() { Timeout = 30_000 });
        var unmatchedName = await org.Host.QueryAsync(db => db.People.Where(p => p.Id == unmatchedId).Select(p => p.FirstName + " " + p.LastName).SingleAsync());
        var rows = page.Locator("table.unresolved tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(unmatchedName);
        await Assertions.Expect(rows.First.GetByRole(AriaRole.Link, new() { Name = unmatchedName })).ToHaveAttributeAsync("href", $"/People/{unmatchedId}");
        await Assertions.Expect(rows.First.GetByRole(AriaRole.Link, new() { Name = "Edit match" })).ToHaveAttributeAsync("href", $"/People/{unmatchedId}#crm");
        await page.ScreenshotAsync(new() { Path = GuideImages.PathOf("unresolved-report.png", Guide), FullPage = true });

        await rows.First.GetByRole(AriaRole.Link, new() { Name = "Edit match" }).ClickAsync();
        var card = page.Locator("#crm");
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Create record" })).ToBeVisibleAsync();
        await card.GetByLabel("Search the CRM's contacts").FillAsync("zz-nobody-by-this-name");
        await card.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("No CRM contact matches");
        await card.ScreenshotAsync(new() { Path = GuideImages.PathOf("person-crm-card.png", Guide) });

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Unresolved" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/WriteBack/Unresolved"), new() { Timeout = 30_000 });
        await page.Locator("table.unresolved tbody tr").First.GetByRole(AriaRole.Button, new() { Name = $"Create record for {unmatchedName}" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/People/{unmatchedId}"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Their open activities will be completed in the CRM");
        await Assertions.Expect(page.Locator("#crm")).ToHaveCountAsync(0);
        var contactCrmId = await org.Host.QueryAsync(db => db.CrmContacts.Where(c => c.PersonId == unmatchedId).Select(c => c.CrmId).SingleAsync());
        var completed = await org.WaitForAsync(openItem.ItemId, i => i.Status == WriteBackStatus.Written, "the InMail to be completed on the new contact");
        completed.RegardingCrmId.ShouldBe(contactCrmId);
        var activityNow = (await org.ActivityAsync(WriteBackItemKind.InMail, openItem.ItemId)).ShouldNotBeNull();
        activityNow["_regardingobjectid_value"]!.GetValue<Guid>().ShouldBe(contactCrmId);
        activityNow["statecode"]!.GetValue<int>().ShouldBe(1, "completed");

        await page.GotoAsync(unresolvedThread);
        var relinked = page.Locator("ul.thread > li").First.GetByRole(AriaRole.Link, new() { Name = "In CRM" });
        await ReloadUntilVisibleAsync(page, relinked);
        (await relinked.GetAttributeAsync("href")).ShouldBe(CrmRecordLink.For(orgUrl, table, openItem.ActivityId));
        await page.ScreenshotAsync(new() { Path = GuideImages.PathOf("thread-relinked.png", Guide), FullPage = true });
    }

    [BrowserFact]
    public async Task CopyToCrmUnticked_TheInMailStaysOutOfTheCrm()
    {
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite);
        var (matchedId, _) = await org.MatchedPersonAsync();
        await using var context = await browser.NewContextAsync(org.Host);
        context.SetDefaultTimeout(30_000);
        var page = await context.SignInAsync(org.Seller);

        await page.GotoAsync($"/Inbox/Compose?personId={matchedId}&kind=InMail");
        await page.GetByLabel("Copy to CRM").UncheckAsync();
        await page.GetByLabel("Subject").FillAsync("Not for the CRM");
        await page.GetByLabel("Body").FillAsync("A private word.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Inbox/Thread/"), new() { Timeout = 30_000 });
        var messageId = await MessageIdAsync(page);
        await Assertions.Expect(page.Locator("ul.thread > li").First.GetByLabel("Copy message to CRM")).Not.ToBeCheckedAsync();

        // Another item with Copy to CRM, sent after it, reaching the CRM shows the worker has run since.
        var later = await org.AddNoteAsync(matchedId);
        await org.WaitForAsync(later, i => i.Status == WriteBackStatus.Written, "a later note to be written");
        (await org.Host.QueryAsync(db => db.WriteBackItems.CountAsync(i => i.ItemId == messageId))).ShouldBe(0);
        (await org.ActivityAsync(WriteBackItemKind.InMail, messageId)).ShouldBeNull();
    }

    private static async Task SendInMailAsync(IPage page, Guid personId, string subject, string body)
    {
        await page.GotoAsync($"/Inbox/Compose?personId={personId}&kind=InMail");
        await Assertions.Expect(page.GetByLabel("Copy to CRM")).ToBeCheckedAsync();
        await page.GetByLabel("Subject").FillAsync(subject);
        await page.GetByLabel("Body").FillAsync(body);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        // The URL, not the load event: under load the navigation's events may come before the wait starts.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Inbox/Thread/"), new() { Timeout = 30_000 });
    }

    private static async Task<Guid> MessageIdAsync(IPage page) =>
        Guid.Parse((await page.Locator("ul.thread > li").First.GetAttributeAsync("id"))!["message-".Length..]);

    /// <summary>The worker writes within seconds; the thread shows what it has when loaded, so it is reloaded until the state appears.</summary>
    private static async Task ReloadUntilVisibleAsync(IPage page, ILocator locator)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await locator.IsVisibleAsync())
        {
            if (DateTime.UtcNow > deadline) throw new ShouldAssertException($"Waited 30 s for the thread to show the item's state; it shows: {await page.Locator("ul.thread").InnerTextAsync()}");
            await Task.Delay(250);
            await page.ReloadAsync();
        }
    }
}
