using Microsoft.Playwright;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmRecords;

/// <summary>In a browser: the unmatched CRM lead opens its own page, the filter finds it, and "In CRM" points at Dynamics in a new tab.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class ImportedItemsBrowserTests(WorkspaceFixture workspace, BrowserFixture browser)
{
    [BrowserFact]
    public async Task SeatHolder_FiltersUnmatchedLeadsAndOpensOne_SeesTheCrmDataAndLink()
    {
        var host = await workspace.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateAsync();
        await ImportedItems.ConnectAsync(host, contract);
        var items = await ImportedItems.ArrangeAsync(host, contract, contract.SeatHolder);
        await using var context = await browser.NewContextAsync(host);
        var page = await context.SignInAsync(contract.SeatHolder);

        await page.GotoAsync("/Leads");
        await page.GetByLabel("Only unmatched").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var rows = page.Locator("table.rows tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync("Unmatched");
        var inCrm = rows.GetByRole(AriaRole.Link, new() { Name = $"In CRM (opens {ImportedItems.UnmatchedLeadName} in Dynamics)" });
        await Assertions.Expect(inCrm).ToHaveAttributeAsync("href", ImportedItems.RecordUrl("contact", items.UnmatchedContactCrmId));
        await Assertions.Expect(inCrm).ToHaveAttributeAsync("target", "_blank");

        await rows.GetByRole(AriaRole.Link, new() { Name = ImportedItems.UnmatchedLeadName, Exact = true }).ClickAsync();

        // The URL is checked by polling it: waiting for the navigation's load event was lost now and then in CI.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Leads/{items.UnmatchedLeadId}$", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = ImportedItems.UnmatchedLeadName, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Matching found no person in the workspace")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open in Dynamics" }))
            .ToHaveAttributeAsync("href", ImportedItems.RecordUrl("contact", items.UnmatchedContactCrmId));
    }
}
