using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmImport;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmImportEngine;

/// <summary>SPEC S9: the first run brings in what each syncing seat holder's open opportunities involve.</summary>
public sealed class FirstImportTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task FirstRun_NotSure_BringsInEveryOpenOpportunitysAccountsContactsAndStakeholders(string database)
    {
        await using var org = await ImportOrg.StartAsync(database);
        var seller = org.Salespeople[0];
        var userId = await org.AddSeatHolderAsync(seller);

        var run = await org.RunAsync();

        run.Status.ShouldBe(SyncRunStatus.Succeeded, run.FailureMessage);
        run.Mode.ShouldBe(SyncReadMode.Full);
        var expected = org.BroughtIn(org.OpenOpportunitiesOf(seller));
        expected.Contacts.ShouldNotBeEmpty();
        var saved = await org.SavedAsync(userId);
        saved.ImportedAccounts.ShouldBe(expected.Accounts, ignoreOrder: true);
        saved.ImportedContacts.ShouldBe(expected.Contacts, ignoreOrder: true);
        saved.SystemListEntries.ShouldBe(expected.Accounts.Count + expected.Contacts.Count);
        run.Counts.Seats.ShouldBe(1);
        run.Counts.Added.ShouldBe(expected.Accounts.Count + expected.Contacts.Count);
        run.Counts.Matched.ShouldBe(saved.Leads.Count(l => l.TargetId is not null) + saved.Accounts.Count(a => a.TargetId is not null));
        run.Counts.Matched.ShouldBeGreaterThan(0);
        run.Counts.CrmRequests.ShouldBeGreaterThan(0);
        var rows = 0;
        foreach (var table in new[] { "opportunities", "connections", "accounts", "contacts" }) rows += await org.Crm.CountAsync(table);
        run.Counts.RecordsRead.ShouldBe(rows);
    }

    [Fact]
    public async Task FirstRun_MatchesContactsToTheWorkspacePeopleTheWorldSaysTheyAre()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var userIds = new List<Guid>();
        foreach (var seller in org.Salespeople) userIds.Add(await org.AddSeatHolderAsync(seller));

        (await org.RunAsync()).Status.ShouldBe(SyncRunStatus.Succeeded);

        var truth = org.World.WorkspacePeople.Where(p => p.CrmContactId is not null).ToDictionary(p => p.CrmContactId!.Value, p => $"demo-person-{p.Id:N}");
        var ties = await org.Host.QueryAsync(db => db.CrmContacts.Where(c => c.PersonId != null)
            .Join(db.People, c => c.PersonId, p => p.Id, (c, p) => new { c.CrmId, p.ExternalId }).ToListAsync());
        ties.ShouldNotBeEmpty();
        var right = ties.Count(t => truth.TryGetValue(t.CrmId, out var person) && person == t.ExternalId);
        // The matcher's precision on demo people is about 0.99 (docs/benchmarks.md); a tiny world leaves room for one miss.
        right.ShouldBeGreaterThanOrEqualTo(ties.Count - 1);
    }
}
