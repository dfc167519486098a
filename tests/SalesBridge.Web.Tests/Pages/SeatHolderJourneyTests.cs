using Microsoft.Playwright;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Pages;

/// <summary>The seat holder's day in one browser session: find a person, save, note, InMail, reply, thread.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class SeatHolderJourneyTests(WorkspaceFixture workspace, BrowserFixture browser)
{
    [BrowserFact]
    public async Task SeatHolder_FindsPersonSavesNotesWritesAndReplies_SeesItAll()
    {
        var host = await workspace.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateAsync();
        await using var context = await browser.NewContextAsync(host);
        var page = await context.SignInAsync(contract.SeatHolder);

        // Find: accents and case do not matter.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Searchbox).FillAsync("jurgen schafer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var row = page.Locator("table.rows tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);

        // Save as lead from the results, then open the lead's page.
        await row.GetByRole(AriaRole.Button, new() { Name = "Save Jürgen Schäfer as a lead" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved Jürgen Schäfer as a lead");
        await Assertions.Expect(row).ToContainTextAsync("Saved");
        await row.GetByRole(AriaRole.Link, new() { Name = "Jürgen Schäfer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jürgen Schäfer", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Saved lead")).ToBeVisibleAsync();

        // A note on the lead.
        await page.GetByLabel("Note", new() { Exact = true }).FillAsync("Met at the trade fair; budget in Q1.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Assertions.Expect(page.Locator("ul.notes")).ToContainTextAsync("Met at the trade fair; budget in Q1.");

        // An InMail, then a reply in the thread.
        await page.GetByRole(AriaRole.Link, new() { Name = "Send InMail" }).ClickAsync();
        await page.GetByLabel("Subject").FillAsync("Your purchasing plans");
        await page.GetByLabel("Body").FillAsync("Hello Jürgen, may I show you our machines?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await page.WaitForAsync("/Inbox/Thread/");
        await page.GetByLabel("Reply", new() { Exact = true }).FillAsync("Following up before the fair.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        var messages = page.Locator("ul.thread > li");
        await Assertions.Expect(messages).ToHaveCountAsync(2);
        await Assertions.Expect(messages.First).ToContainTextAsync("Hello Jürgen, may I show you our machines?");
        await Assertions.Expect(messages.Last).ToContainTextAsync("Following up before the fair.");

        // The saved lead is on the Leads page, and the lead's page shows the conversation.
        await page.GotoAsync("/Leads");
        await Assertions.Expect(page.Locator("table.rows tbody")).ToContainTextAsync("Jürgen Schäfer");
        await page.GotoAsync($"/People/{contract.PersonIds[0]}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Your purchasing plans" })).ToBeVisibleAsync();
    }
}
