using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Pages.Inbox;

[Collection(WorkspaceCollection.Name)]
public sealed class NotesPanelPageTests(WorkspaceFixture workspace, BrowserFixture browser)
{
    [BrowserFact]
    public async Task NotesPanel_AddEditDelete_OnPersonPage()
    {
        var host = await workspace.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateWithWriteBackAsync();
        await using var context = await browser.NewContextAsync(host);
        var page = await context.SignInAsync(contract.SeatHolder);

        var personUrl = await page.OpenPersonAsync(contract.PersonIds[0]);
        await Assertions.Expect(page.GetByText("No notes yet.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Copy to CRM")).ToBeCheckedAsync();
        await page.GetByLabel("Note", new() { Exact = true }).FillAsync("Met at Hannover Messe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();

        await page.WaitForAsync(Regex.Escape(personUrl) + "$");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Note added.");
        var note = page.Locator("ul.notes > li");
        await Assertions.Expect(note).ToContainTextAsync("Met at Hannover Messe");
        await Assertions.Expect(note).ToContainTextAsync("Copy to CRM");

        await note.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await page.GetByLabel("Note", new() { Exact = true }).FillAsync("Met at Hannover Messe, wants a demo");
        await page.GetByLabel("Copy to CRM").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();
        await page.WaitForAsync(Regex.Escape(personUrl) + "$");
        await Assertions.Expect(page.Locator("ul.notes > li")).ToContainTextAsync("wants a demo");
        await Assertions.Expect(page.Locator("ul.notes > li")).ToContainTextAsync("Not copied to CRM");

        await page.Locator("ul.notes > li").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Note deleted.");
        await Assertions.Expect(page.GetByText("No notes yet.")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task NotesPanel_EmptyNote_ShowsTheReasonNextToTheFormAndStoresNothing()
    {
        var host = await workspace.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateAsync();
        await using var context = await browser.NewContextAsync(host);
        var page = await context.SignInAsync(contract.SeatHolder);

        var companyUrl = await page.OpenCompanyAsync(contract.CompanyIds[0]);
        await page.GetByLabel("Note", new() { Exact = true }).FillAsync("   ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Text']")).ToContainTextAsync("text is required.");
        await page.GetByLabel("Note", new() { Exact = true }).FillAsync("Renewal in May");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await page.WaitForAsync(Regex.Escape(companyUrl) + "$");
        await Assertions.Expect(page.Locator("ul.notes > li")).ToHaveCountAsync(1);
    }
}
