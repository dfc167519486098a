using Microsoft.Playwright;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmSeats;

/// <summary>The admin guide's seat management steps in Chromium, against an org of the test's own; the screenshot goes into the admin guide.</summary>
[Collection(CrmCollection.Name)]
public sealed class CrmSeatsBrowserTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task SeatManagement_AssignFromCrm_HeaderCheckboxOverTheCountThenTwo_ShowsThemInCrm()
    {
        await using var org = await OwnCrmOrg.StartAsync(TestDatabases.Sqlite);
        var contract = await org.Host.CreateAsync(seatCount: 5); // 3 seats used: 2 free
        await org.Host.ConnectApplicationUserAsync(contract, org.Emulator);
        var people = CrmSeatsArrange.EnabledPeople(org.Emulator);
        using (var warm = org.Host.CreateClient()) (await warm.GetAsync("SignIn")).EnsureSuccessStatusCode();
        await using var context = await browser.NewContextAsync(org.Host);
        context.SetDefaultTimeout(30_000);
        var page = await context.SignInAsync(contract.Admin);
        await page.SetViewportSizeAsync(1280, 1000);

        await page.GotoAsync("/Admin/Seats");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Refresh from CRM" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = contract.SeatHolder.Email })).ToContainTextAsync("Not in CRM");
        await page.GetByRole(AriaRole.Link, new() { Name = "Assign seats from CRM" }).ClickAsync();

        await Assertions.Expect(page.GetByText("2 seats are free.")).ToBeVisibleAsync();
        var all = page.GetByLabel("Select all CRM users");
        await all.CheckAsync();
        foreach (var person in people) await Assertions.Expect(page.GetByLabel(person.FullName)).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign seats" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Only 2 seats are free, but you picked 3 CRM users");

        await page.GetByLabel("Select all CRM users").UncheckAsync();
        await page.GetByLabel(people[0].FullName).CheckAsync();
        await page.GetByLabel(people[1].FullName).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign seats" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 CRM users now hold a seat");
        await Assertions.Expect(page.GetByText("5 of 5 seats assigned")).ToBeVisibleAsync();
        foreach (var person in people.Take(2))
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = person.InternalEmailAddress })).ToContainTextAsync("In CRM");
        }
        // A user made from the CRM has no password yet: the admin gives them one from the row.
        var newcomer = page.GetByRole(AriaRole.Row).Filter(new() { HasText = people[1].InternalEmailAddress });
        await newcomer.Locator("summary", new() { HasText = "Set password" }).ClickAsync();
        await newcomer.GetByLabel($"New password for {people[1].FullName}").FillAsync("Fresh2026pass");
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{people[1].FullName} can now sign in with the new password.");

        var menu = page.GetByRole(AriaRole.Row).Filter(new() { HasText = people[0].InternalEmailAddress }).Locator("details.seat-menu > summary");
        await menu.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enable CRM Sync" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = GuideImages.PathOf("10-seats.png"), FullPage = true });
    }
}
