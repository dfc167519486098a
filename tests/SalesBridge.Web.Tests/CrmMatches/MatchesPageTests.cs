using System.Net;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmImport;
using SalesBridge.Web.Tests.CrmRecords;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmMatches;

/// <summary>SPEC S11, B5 on the pages: the match card, the Edit match page and the admin match report with its CSV.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class MatchesPageTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task LeadPage_ShowsTheMatch_AndEditMatchSearchesAndChoosesAPerson(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var items = await ImportedItems.ArrangeAsync(host, mine, mine.SeatHolder);
        var recordId = await host.QueryAsync(db => db.CrmContacts.Where(c => c.CrmId == items.UnmatchedContactCrmId).Select(c => c.Id).SingleAsync());
        using var browser = await host.PageClientAsync(mine.SeatHolder);
        using var other = await host.PageClientAsync(mine.OtherSeatHolder);

        var leadPage = await browser.GetStringAsync($"/Leads/{items.UnmatchedLeadId}");
        var personPage = await browser.GetStringAsync($"/People/{mine.PersonIds[2]}");
        var search = await browser.GetStringAsync($"/Matches/contacts/{recordId}?query=fuller");

        leadPage.ShouldContain("CRM match");
        leadPage.ShouldContain("data-match-state=\"Unmatched\"");
        leadPage.ShouldContain($"href=\"/Matches/contacts/{recordId}?returnUrl=");
        personPage.ShouldContain("CRM match");
        personPage.ShouldContain("Nancy Davolio");
        search.ShouldContain("Andrew Fuller");
        search.ShouldNotContain("Janet Leverling");
        (await other.GetAsync($"/Matches/contacts/{recordId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var chosen = await browser.PostFormAsync($"/Matches/contacts/{recordId}?handler=Choose",
            new() { ["counterpartId"] = mine.PersonIds[3].ToString(), ["returnUrl"] = $"/Leads/{items.UnmatchedLeadId}" });

        chosen.StatusCode.ShouldBe(HttpStatusCode.Found);
        chosen.Headers.Location!.OriginalString.ShouldBe($"/Leads/{items.UnmatchedLeadId}");
        var after = await browser.GetStringAsync(chosen.Headers.Location.OriginalString);
        after.ShouldContain("Ingrid Okafor is now matched to Andrew Fuller.");
        after.ShouldContain("data-match-state=\"ChosenByUser\"");
        (await host.QueryAsync(db => db.SavedLeads.SingleAsync(l => l.Id == items.UnmatchedLeadId))).PersonId.ShouldBe(mine.PersonIds[3]);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AdminMatchesPage_ListsFiltersAndDownloadsCsv_SeatHolderIsRefused(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        await ImportedItems.ArrangeAsync(host, mine, mine.SeatHolder);
        using var admin = await host.PageClientAsync(mine.Admin);
        using var seatHolder = await host.PageClientAsync(mine.SeatHolder);

        var page = await admin.GetStringAsync("/Admin/Crm/Matches");
        var unmatchedAccounts = await admin.GetStringAsync("/Admin/Crm/Matches?state=unmatched&kind=account");
        var bad = await admin.GetStringAsync("/Admin/Crm/Matches?state=maybe");
        var csv = await admin.GetAsync("/Admin/Crm/Matches?handler=Csv&kind=contact");

        page.ShouldContain("Ingrid Okafor");
        page.ShouldContain("Northwind Traders");
        page.ShouldContain("50% tied of 2");
        page.IndexOf("Ingrid Okafor", StringComparison.Ordinal).ShouldBeLessThan(page.IndexOf("Nancy Davolio", StringComparison.Ordinal), "unmatched first");
        unmatchedAccounts.ShouldContain(ImportedItems.UnmatchedAccountName);
        unmatchedAccounts.ShouldNotContain("Ingrid Okafor");
        unmatchedAccounts.ShouldNotContain("Northwind Traders</td>");
        bad.ShouldContain("state must be unmatched, matched or chosen");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines[1].ShouldStartWith("contact,");
        (await seatHolder.GetAsync("/Admin/Crm/Matches")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
