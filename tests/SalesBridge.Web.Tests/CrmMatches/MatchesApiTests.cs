using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmImport;
using SalesBridge.Lists;
using SalesBridge.Web.Tests.CrmRecords;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmMatches;

/// <summary>SPEC S11, B5 through the API: a lead's match, Edit match (saved items follow), the admin report and its CSV.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class MatchesApiTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task LeadMatch_ShowsTheRecordScoreAndSummary_AndAnOtherSeatHoldersLeadIsNotFound(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        await ImportedItems.ConnectAsync(host, mine);
        var items = await ImportedItems.ArrangeAsync(host, mine, mine.SeatHolder);
        using var api = await host.ApiClientAsync(mine.SeatHolder);
        using var other = await host.ApiClientAsync(mine.OtherSeatHolder);

        var matched = await api.GetFromJsonAsync<JsonElement>($"api/v1/leads/{items.MatchedLeadId}/match");
        var unmatched = await api.GetFromJsonAsync<JsonElement>($"api/v1/leads/{items.UnmatchedLeadId}/match");
        var account = await api.GetFromJsonAsync<JsonElement>($"api/v1/accounts/{items.MatchedAccountId}/match");

        var match = matched.GetProperty("match");
        (match.GetProperty("state").GetString(), match.GetProperty("score").GetDouble(), match.GetProperty("counterpartName").GetString())
            .ShouldBe(("Matched", 0.99, "Nancy Davolio"));
        match.GetProperty("crmId").GetGuid().ShouldBe(items.MatchedContactCrmId);
        match.GetProperty("crmUrl").GetString().ShouldBe(ImportedItems.RecordUrl("contact", items.MatchedContactCrmId));
        unmatched.GetProperty("match").GetProperty("state").GetString().ShouldBe("Unmatched");
        unmatched.GetProperty("match").GetProperty("counterpartId").ValueKind.ShouldBe(JsonValueKind.Null);
        account.GetProperty("match").GetProperty("counterpartId").GetGuid().ShouldBe(mine.CompanyIds[1]);
        (await other.GetAsync($"api/v1/leads/{items.MatchedLeadId}/match")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task EditMatch_TiesTheRecordToThePickedPerson_TheLeadFollowsAndTheChooserIsNamed(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var items = await ImportedItems.ArrangeAsync(host, mine, mine.SeatHolder);
        using var api = await host.ApiClientAsync(mine.SeatHolder);

        var missing = await api.PutAsJsonAsync($"api/v1/leads/{items.UnmatchedLeadId}/match", new { });
        var both = await api.PutAsJsonAsync($"api/v1/leads/{items.UnmatchedLeadId}/match", new { counterpartId = mine.PersonIds[0], noMatch = true });
        var unknown = await api.PutAsJsonAsync($"api/v1/leads/{items.UnmatchedLeadId}/match", new { counterpartId = Guid.NewGuid() });

        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("counterpartId");
        both.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await LeadAsync(host, items.UnmatchedLeadId)).PersonId.ShouldBeNull();

        var edited = await api.PutAsJsonAsync($"api/v1/leads/{items.UnmatchedLeadId}/match", new { counterpartId = mine.PersonIds[0] });

        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var view = await edited.Content.ReadFromJsonAsync<JsonElement>();
        view.GetProperty("state").GetString().ShouldBe("ChosenByUser");
        view.GetProperty("counterpartId").GetGuid().ShouldBe(mine.PersonIds[0]);
        view.GetProperty("summary").GetString()!.ShouldContain("chosen by");
        var lead = await LeadAsync(host, items.UnmatchedLeadId);
        (lead.PersonId, lead.ImportedFromCrm).ShouldBe((mine.PersonIds[0], true));
        var record = await host.QueryAsync(db => db.CrmContacts.SingleAsync(c => c.CrmId == items.UnmatchedContactCrmId));
        (record.PersonId, record.Match.State, record.Match.IsAutomatic).ShouldBe((mine.PersonIds[0], CrmMatchState.ChosenByUser, false));

        var none = await api.PutAsJsonAsync($"api/v1/leads/{items.UnmatchedLeadId}/match", new { noMatch = true });

        none.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LeadAsync(host, items.UnmatchedLeadId)).PersonId.ShouldBeNull();
        var noMatch = await host.QueryAsync(db => db.CrmContacts.SingleAsync(c => c.CrmId == items.UnmatchedContactCrmId));
        (noMatch.PersonId, noMatch.Match.State).ShouldBe((null, CrmMatchState.ChosenByUser));
        noMatch.Match.Summary!.ShouldStartWith("No match: chosen by");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task EditMatch_ToAPersonTheOwnerSavedByHand_ThatRowTakesTheTieAndTheImportedRowGoes(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var items = await ImportedItems.ArrangeAsync(host, mine, mine.SeatHolder);
        using var api = await host.ApiClientAsync(mine.SeatHolder);
        var handSaved = (await (await api.PostAsJsonAsync("api/v1/leads", new { personId = mine.PersonIds[0] })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();

        (await api.PutAsJsonAsync($"api/v1/leads/{items.UnmatchedLeadId}/match", new { counterpartId = mine.PersonIds[0] })).EnsureSuccessStatusCode();

        var leads = await host.QueryAsync(db => db.SavedLeads.Where(l => l.OwnerId == mine.SeatHolder.Id).ToListAsync());
        leads.ShouldNotContain(l => l.Id == items.UnmatchedLeadId);
        var merged = leads.Single(l => l.Id == handSaved);
        (merged.PersonId, merged.SavedByHand, merged.ImportedFromCrm).ShouldBe((mine.PersonIds[0], true, true));
        merged.CrmContactId.ShouldBe(await host.QueryAsync(db => db.CrmContacts.Where(c => c.CrmId == items.UnmatchedContactCrmId).Select(c => c.Id).SingleAsync()));
        var onCrmLeads = await host.QueryAsync(db => db.SavedListEntries.Where(e => e.ListId == items.CrmLeadsListId).Select(e => e.SavedLeadId).ToListAsync());
        onCrmLeads.ShouldBe([items.MatchedLeadId, handSaved], ignoreOrder: true);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task EditMatch_APersonAnotherRecordHoldsAutomatically_MovesTheTie_ButAChosenOneIsRefusedNamingIt(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var items = await ImportedItems.ArrangeAsync(host, mine, mine.SeatHolder);
        using var api = await host.ApiClientAsync(mine.SeatHolder);

        // Nancy Davolio (PersonIds[2]) is the matched record's by matching: choosing her for the other record moves her.
        (await api.PutAsJsonAsync($"api/v1/leads/{items.UnmatchedLeadId}/match", new { counterpartId = mine.PersonIds[2] })).EnsureSuccessStatusCode();

        var formerly = await host.QueryAsync(db => db.CrmContacts.SingleAsync(c => c.CrmId == items.MatchedContactCrmId));
        (formerly.PersonId, formerly.Match.State, formerly.MatchPending).ShouldBe((null, CrmMatchState.Unmatched, true));
        formerly.Match.Summary!.ShouldStartWith("Untied:");
        (await LeadAsync(host, items.MatchedLeadId)).PersonId.ShouldBeNull();
        (await LeadAsync(host, items.UnmatchedLeadId)).PersonId.ShouldBe(mine.PersonIds[2]);

        // Now she is the other record's by a person's choice: taking her back is refused, naming that record.
        var refused = await api.PutAsJsonAsync($"api/v1/leads/{items.MatchedLeadId}/match", new { counterpartId = mine.PersonIds[2] });

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Ingrid Okafor");
        (await LeadAsync(host, items.UnmatchedLeadId)).PersonId.ShouldBe(mine.PersonIds[2]);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AdminEditMatch_OnAnAccount_NoMatchUntiesEverySavedAccount_SeatHolderGets403OnAdminRoutes(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var items = await ImportedItems.ArrangeAsync(host, mine, mine.SeatHolder);
        using var admin = await host.ApiClientAsync(mine.Admin);
        using var seatHolder = await host.ApiClientAsync(mine.SeatHolder);
        var recordId = await host.QueryAsync(db => db.CrmAccounts.Where(a => a.CrmId == items.MatchedAccountCrmId).Select(a => a.Id).SingleAsync());

        (await seatHolder.PutAsJsonAsync($"api/v1/admin/crm/matches/accounts/{recordId}", new { noMatch = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await seatHolder.GetAsync("api/v1/admin/crm/matches")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await seatHolder.GetAsync("api/v1/admin/crm/matches.csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.QueryAsync(db => db.SavedAccounts.SingleAsync(a => a.Id == items.MatchedAccountId))).CompanyId.ShouldBe(mine.CompanyIds[1]);

        var edited = await admin.PutAsJsonAsync($"api/v1/admin/crm/matches/accounts/{recordId}", new { noMatch = true });

        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        (await host.QueryAsync(db => db.SavedAccounts.SingleAsync(a => a.Id == items.MatchedAccountId))).CompanyId.ShouldBeNull();
        var back = await admin.GetFromJsonAsync<JsonElement>($"api/v1/admin/crm/matches/accounts/{recordId}");
        back.GetProperty("state").GetString().ShouldBe("ChosenByUser");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Report_FiltersPagesAndTotals_AndTheCsvHasEveryRow(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var items = await ImportedItems.ArrangeAsync(host, mine, mine.SeatHolder);
        using var admin = await host.ApiClientAsync(mine.Admin);

        var all = await admin.GetFromJsonAsync<JsonElement>("api/v1/admin/crm/matches?pageSize=3");
        var second = await admin.GetFromJsonAsync<JsonElement>("api/v1/admin/crm/matches?pageSize=3&page=2");
        var unmatchedContacts = await admin.GetFromJsonAsync<JsonElement>("api/v1/admin/crm/matches?state=unmatched&kind=contact");
        var badState = await admin.GetAsync("api/v1/admin/crm/matches?state=maybe");

        all.GetProperty("rows").GetProperty("totalCount").GetInt32().ShouldBe(4);
        Names(all).ShouldBe(["Ingrid Okafor", "Nancy Davolio", ImportedItems.UnmatchedAccountName]);
        Names(second).ShouldBe(["Northwind Traders"]);
        Names(unmatchedContacts).ShouldBe(["Ingrid Okafor"]);
        unmatchedContacts.GetProperty("rows").GetProperty("items")[0].GetProperty("seatHolders").GetInt32().ShouldBe(1);
        var contactTotals = all.GetProperty("totals")[0];
        (contactTotals.GetProperty("kind").GetString(), contactTotals.GetProperty("records").GetInt32(), contactTotals.GetProperty("percentMatched").GetDouble())
            .ShouldBe(("Contact", 2, 50.0));
        badState.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badState.Content.ReadAsStringAsync()).ShouldContain("state");

        var csv = await admin.GetAsync("api/v1/admin/crm/matches.csv");
        var unmatchedCsv = await admin.GetStringAsync("api/v1/admin/crm/matches.csv?state=unmatched");

        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        lines[0].ShouldBe("kind,crm_id,name,detail,state,score,counterpart_id,counterpart,seat_holders,summary,record_id,evidence");
        lines.Count.ShouldBe(5);
        lines[2].ShouldStartWith($"contact,{items.MatchedContactCrmId},Nancy Davolio,{ImportedItems.UnmatchedAccountName},matched,0.99,{mine.PersonIds[2]},Nancy Davolio,1,");
        unmatchedCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3);
    }

    private static IEnumerable<string> Names(JsonElement report) =>
        report.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToList();

    private static Task<SalesBridge.Leads.SavedLead> LeadAsync(WorkspaceHost host, Guid id) => host.QueryAsync(db => db.SavedLeads.AsNoTracking().SingleAsync(l => l.Id == id));
}
