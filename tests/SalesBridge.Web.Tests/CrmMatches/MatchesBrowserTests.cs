using Microsoft.Playwright;
using SalesBridge.Web.Tests.CrmRecords;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmMatches;

/// <summary>In a browser: a seat holder opens an unmatched CRM lead, uses Edit match to find and choose the right person.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class MatchesBrowserTests(WorkspaceFixture workspace, BrowserFixture browser)
{
    [BrowserFact]
    public async Task SeatHolder_EditsTheMatchOfAnUnmatchedLead_TheLeadShowsThePersonChosen()
    {
        var host = await workspace.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateAsync();
        var items = await ImportedItems.ArrangeAsync(host, contract, contract.SeatHolder);
        await using var context = await browser.NewContextAsync(host);
        var page = await context.SignInAsync(contract.SeatHolder);

        await page.GotoAsync($"/Leads/{items.UnmatchedLeadId}");
        var card = page.Locator("section.crm-match");
        await Assertions.Expect(card).ToContainTextAsync("Unmatched");
        await card.GetByRole(AriaRole.Link, new() { Name = "Edit match" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Edit match: {ImportedItems.UnmatchedLeadName}", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Search the directory").FillAsync("Leverling");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose Janet Leverling" }).ClickAsync();

        // The URL is checked by polling it: waiting for the navigation's load event was lost now and then in CI.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Leads/{items.UnmatchedLeadId}$", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{ImportedItems.UnmatchedLeadName} is now matched to Janet Leverling.");
        await Assertions.Expect(card).ToContainTextAsync("Chosen by a user");
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Janet Leverling" })).ToHaveAttributeAsync("href", $"/People/{contract.PersonIds[4]}");
    }
}
