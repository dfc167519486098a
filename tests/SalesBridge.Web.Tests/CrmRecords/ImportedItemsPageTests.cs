using System.Net;
using SalesBridge.CrmRecords;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmRecords;

/// <summary>The leads and accounts pages with items the CRM import brought in: markers, the "In CRM" link, detail pages for unmatched items.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class ImportedItemsPageTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task LeadsPage_ImportedLeads_UnmatchedRowLinksToItsOwnPageWithInCrmLink(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        await ImportedItems.ConnectAsync(host, mine);
        var items = await ImportedItems.ArrangeAsync(host, mine, mine.SeatHolder);
        using var browser = await host.PageClientAsync(mine.SeatHolder);

        var page = await browser.GetStringAsync("/Leads");
        var unmatchedOnly = await browser.GetStringAsync("/Leads?unmatched=true");

        page.ShouldContain($"<a href=\"/Leads/{items.UnmatchedLeadId}\">{ImportedItems.UnmatchedLeadName}</a>");
        page.ShouldContain($"<a href=\"/People/{mine.PersonIds[2]}\">Nancy Davolio</a>");
        page.ShouldNotContain("href=\"/People/\"", Case.Sensitive, "an unmatched lead has no person to link to");
        page.ShouldContain(">Unmatched</span>");
        page.ShouldContain(">From CRM</span>");
        page.ShouldContain($"href=\"{Html(ImportedItems.RecordUrl("contact", items.UnmatchedContactCrmId))}\" target=\"_blank\" rel=\"noopener noreferrer\"");
        page.ShouldContain($"href=\"{Html(ImportedItems.RecordUrl("contact", items.MatchedContactCrmId))}\"");
        page.ShouldContain("Stays while its CRM opportunity is open");
        // No own lists yet, so the only form a row could carry is Remove: none for what only the CRM saved.
        page.ShouldNotContain($"name=\"savedLeadId\" value=\"{items.UnmatchedLeadId}\"");
        unmatchedOnly.ShouldContain(ImportedItems.UnmatchedLeadName);
        unmatchedOnly.ShouldNotContain("Nancy Davolio");
        unmatchedOnly.ShouldContain("name=\"unmatched\" value=\"true\" checked=\"checked\"");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AccountsPage_ImportedAccounts_UnmatchedRowLinksToItsOwnPageWithInCrmLink(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        await ImportedItems.ConnectAsync(host, mine);
        var items = await ImportedItems.ArrangeAsync(host, mine, mine.SeatHolder);
        using var browser = await host.PageClientAsync(mine.SeatHolder);

        var page = await browser.GetStringAsync("/Accounts");

        page.ShouldContain($"<a href=\"/Accounts/{items.UnmatchedAccountId}\">{ImportedItems.UnmatchedAccountName}</a>");
        page.ShouldContain($"<a href=\"/Companies/{mine.CompanyIds[1]}\">Northwind Traders</a>");
        page.ShouldNotContain("href=\"/Companies/\"", Case.Sensitive);
        page.ShouldContain($"href=\"{Html(ImportedItems.RecordUrl("account", items.UnmatchedAccountCrmId))}\"");
        page.ShouldContain(">Unmatched</span>");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task DetailPages_UnmatchedItems_ShowTheCrmDataToTheOwnerOnly(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        await ImportedItems.ConnectAsync(host, mine);
        var items = await ImportedItems.ArrangeAsync(host, mine, mine.SeatHolder);
        using var browser = await host.PageClientAsync(mine.SeatHolder);
        using var colleague = await host.PageClientAsync(mine.OtherSeatHolder);

        var lead = await browser.GetStringAsync($"/Leads/{items.UnmatchedLeadId}");
        var account = await browser.GetStringAsync($"/Accounts/{items.UnmatchedAccountId}");
        var matched = await browser.GetStringAsync($"/Leads/{items.MatchedLeadId}");

        lead.ShouldContain($"<h1>{ImportedItems.UnmatchedLeadName}</h1>");
        lead.ShouldContain("Matching found no person in the workspace for this CRM contact");
        lead.ShouldContain("Lagos, Nigeria");
        lead.ShouldContain($"href=\"{Html(ImportedItems.RecordUrl("contact", items.UnmatchedContactCrmId))}\"");
        lead.ShouldContain("by the CRM sync");
        lead.ShouldContain("My CRM Leads");
        lead.ShouldNotContain("Open in the directory");
        account.ShouldContain($"<h1>{ImportedItems.UnmatchedAccountName}</h1>");
        account.ShouldContain("https://zephyr.example");
        account.ShouldContain($"href=\"{Html(ImportedItems.RecordUrl("account", items.UnmatchedAccountCrmId))}\"");
        matched.ShouldContain($"<a class=\"button\" href=\"/People/{mine.PersonIds[2]}\">Open in the directory</a>");
        (await colleague.GetAsync($"/Leads/{items.UnmatchedLeadId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await colleague.GetAsync($"/Accounts/{items.UnmatchedAccountId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task UnsaveHandler_ItemOnlyTheCrmSaved_ShowsWhyAndKeepsIt(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var items = await ImportedItems.ArrangeAsync(host, mine, mine.SeatHolder);
        using var browser = await host.PageClientAsync(mine.SeatHolder);

        var refused = await browser.PostFormAsync("/Leads?handler=Unsave", new() { ["savedLeadId"] = items.UnmatchedLeadId.ToString(), ["returnUrl"] = "/Leads" });
        var page = await refused.Content.ReadAsStringAsync();
        await browser.PostFormAsync("/Leads?handler=Save", new() { ["personId"] = mine.PersonIds[2].ToString(), ["returnUrl"] = "/Leads" });
        var handUndone = await browser.PostFormAsync("/Leads?handler=Unsave", new() { ["savedLeadId"] = items.MatchedLeadId.ToString(), ["returnUrl"] = "/Leads" });
        var after = await browser.GetStringAsync("/Leads");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.ShouldContain(Html(ImportedItemRefusals.UnsaveLead));
        page.ShouldContain(ImportedItems.UnmatchedLeadName);
        handUndone.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.ShouldContain("Nancy Davolio is no longer saved by you; it stays on &quot;My CRM Leads&quot;");
        after.ShouldContain(ImportedItems.UnmatchedLeadName);
    }

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);
}
