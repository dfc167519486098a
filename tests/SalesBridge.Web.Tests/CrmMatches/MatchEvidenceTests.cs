using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmImport;
using SalesBridge.Web.Tests.CrmImportEngine;
using SalesBridge.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesBridge.Web.Tests.CrmMatches;

/// <summary>
/// SPEC S11 "every decision explained": the per-field evidence of an import's decisions is stored with each record and
/// shown in the match API, on the lead page and in the report's CSV; a field one side lacks reads "missing".
/// </summary>
public sealed class MatchEvidenceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ImportRun_StoresEachDecisionsEvidence_ShownByTheApiThePageAndTheCsv_MissingNeverAsDisagree()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var sellerId = await org.AddSeatHolderAsync(org.Salespeople[0]);
        (await org.RunAsync()).Status.ShouldBe(SyncRunStatus.Succeeded);
        // Records that had a candidate (a score): a record with none has no pair to give evidence about.
        var contacts = await org.Host.QueryAsync(db => db.CrmContacts.AsNoTracking().Where(c => c.ContractId == org.Contract.Id && !c.MatchPending && c.Match.Score > 0).ToListAsync());
        var accounts = await org.Host.QueryAsync(db => db.CrmAccounts.AsNoTracking().Where(a => a.ContractId == org.Contract.Id && !a.MatchPending && a.Match.Score > 0).ToListAsync());

        // Every decision has its evidence, one entry per field the engine compares.
        contacts.ShouldNotBeEmpty();
        contacts.ShouldContain(c => c.Match.State == CrmMatchState.Matched);
        contacts.Select(c => MatchEvidence.Read(c.Match.Evidence).Count).Distinct().ShouldBe([9]);
        accounts.Select(a => MatchEvidence.Read(a.Match.Evidence).Count).Distinct().ShouldBe([8]);
        // The import never reads a contact's state: that field is "missing" with no weight on every record, never "disagree".
        foreach (var contact in contacts)
        {
            var state = MatchEvidence.Read(contact.Match.Evidence).Single(e => e.Field == "State");
            (state.Comparison, state.CrmValue, state.Weight).ShouldBe(("missing", null, 0.0));
        }
        var stored = contacts.Select(c => c.Match.Evidence!).Concat(accounts.Select(a => a.Match.Evidence!)).ToList();
        var bytes = stored.Average(e => System.Text.Encoding.UTF8.GetByteCount(e));
        output.WriteLine($"evidence per record: {bytes:0} bytes on average, {stored.Max(e => e.Length)} at most ({stored.Count} records)");
        bytes.ShouldBeLessThan(400);

        var lead = await org.Host.QueryAsync(db => db.SavedLeads.AsNoTracking().Include(l => l.CrmContact)
            .FirstAsync(l => l.OwnerId == sellerId && l.CrmContact != null && l.CrmContact.PersonId != null && l.CrmContact.Match.State == CrmMatchState.Matched));
        var record = lead.CrmContact!;
        var seller = await SignInAsAsync(org, sellerId, org.Salespeople[0].InternalEmailAddress);
        using var api = await org.Host.ApiClientAsync(seller);
        var match = (await api.GetFromJsonAsync<JsonElement>($"api/v1/leads/{lead.Id}/match")).GetProperty("match");
        var evidence = match.GetProperty("evidence").EnumerateArray().ToDictionary(e => e.GetProperty("field").GetString()!);
        var lastName = evidence["LastName"];
        lastName.GetProperty("crmValue").GetString().ShouldBe(record.LastName);
        lastName.GetProperty("comparison").GetString().ShouldBeOneOf("agree", "close");
        lastName.GetProperty("weight").GetDouble().ShouldBeGreaterThan(0);
        match.TryGetProperty("storedEvidence", out _).ShouldBeFalse();
        // The weights that agreed are what lifted the score over the threshold.
        evidence.Values.Sum(e => e.GetProperty("weight").GetDouble()).ShouldBeGreaterThan(0);

        using var pages = await org.Host.PageClientAsync(seller);
        var page = await pages.GetStringAsync($"/Leads/{lead.Id}");
        page.ShouldContain("class=\"rows match-evidence\"");
        page.ShouldContain("<tr data-field=\"State\">");
        page.ShouldContain("<td data-comparison=\"missing\">missing</td>");

        using var admin = await org.Host.ApiClientAsync(org.Contract.Admin);
        var csv = await admin.GetStringAsync("api/v1/admin/crm/matches.csv?kind=contact");
        var row = csv.Split('\n').Single(l => l.StartsWith($"contact,{record.CrmId}", StringComparison.Ordinal));
        row.ShouldContain("last name ");
        row.ShouldContain("state missing");

        // A person's choice replaces the decision: the engine's evidence explained the old one, so it goes with it.
        var edited = await admin.PutAsJsonAsync($"api/v1/admin/crm/matches/contacts/{record.Id}", new { noMatch = true });
        edited.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("evidence").GetArrayLength().ShouldBe(0);
        (await org.Host.QueryAsync(db => db.CrmContacts.AsNoTracking().SingleAsync(c => c.Id == record.Id))).Match.Evidence.ShouldBeNull();
    }

    /// <summary>The import's seat holder (made from a CRM user) gets the test password, by the hash of a user who has it.</summary>
    private static async Task<TestUser> SignInAsAsync(ImportOrg org, Guid userId, string email)
    {
        await org.Host.QueryAsync(async db =>
        {
            var hash = await db.Users.Where(u => u.Id == org.Contract.SeatHolder.Id).Select(u => u.PasswordHash).SingleAsync();
            return await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, hash));
        });
        return new TestUser(userId, email);
    }
}
