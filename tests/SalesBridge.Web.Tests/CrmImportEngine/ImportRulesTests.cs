using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmImport;
using SalesBridge.Dataverse;
using SalesBridge.Emulator.ChangeTracking;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Emulator.Faults;
using SalesBridge.Emulator.Limits;
using SalesBridge.Web.Tests.CrmSeats;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmImportEngine;

/// <summary>SPEC S9, S10, B2, S21: the import's rules on small emulator orgs, run after run.</summary>
public sealed class ImportRulesTests
{
    [Fact]
    public async Task StageThreshold_OnlyOpportunitiesAtOrPastTheStageBringRecordsIn()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var seller = org.Salespeople[0];
        var userId = await org.AddSeatHolderAsync(seller);
        await org.SetStageAsync("salesstage", 2);

        (await org.RunAsync()).Status.ShouldBe(SyncRunStatus.Succeeded);

        var expected = org.BroughtIn(org.OpenOpportunitiesOf(seller, minimumSalesStage: 2));
        var all = org.BroughtIn(org.OpenOpportunitiesOf(seller));
        all.Accounts.Count.ShouldBeGreaterThan(expected.Accounts.Count, "the world must have early-stage opportunities for this test to mean anything");
        var saved = await org.SavedAsync(userId);
        saved.ImportedAccounts.ShouldBe(expected.Accounts, ignoreOrder: true);
        saved.ImportedContacts.ShouldBe(expected.Contacts, ignoreOrder: true);
    }

    [Fact]
    public async Task ClosingAnOpportunity_RemovesWhatItAloneBroughtIn_KeepsHandSaved_AndReopeningBringsItBack()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite, "demo");
        var seller = org.Salespeople[0];
        var userId = await org.AddSeatHolderAsync(seller);
        (await org.RunAsync()).Status.ShouldBe(SyncRunStatus.Succeeded);
        var open = org.OpenOpportunitiesOf(seller);
        // An opportunity whose account no other open opportunity of the seller brings in.
        var closing = open.First(o => o.ParentAccountId is { } a && open.Count(x => x.ParentAccountId == a || (x.CustomerIsAccount && x.CustomerId == a)) == 1);
        var account = closing.ParentAccountId!.Value;
        var alone = org.BroughtIn([closing]).Contacts.Except(org.BroughtIn(open.Where(o => o.Id != closing.Id)).Contacts).ToList();
        (await org.SavedAsync(userId)).ImportedAccounts.ShouldContain(account);
        // The seller also saved one of its matched contacts by hand (when one only this opportunity brings).
        var matched = (await org.SavedAsync(userId)).Leads.Where(l => l.TargetId is not null).Select(l => l.CrmId!.Value).ToHashSet();
        Guid? handSaved = alone.FirstOrDefault(matched.Contains) is var c && c != Guid.Empty ? c : null;
        if (handSaved is { } handSavedContact) await MarkSavedByHandAsync(org, userId, handSavedContact);

        await org.UpdateAsync("opportunities", closing.Id, new JsonObject { ["statecode"] = 2, ["statuscode"] = 4 });
        var afterClose = await org.RunAsync();

        afterClose.Status.ShouldBe(SyncRunStatus.Succeeded, afterClose.FailureMessage);
        afterClose.Mode.ShouldBe(SyncReadMode.Changes);
        afterClose.Counts.Removed.ShouldBe(1 + alone.Count);
        handSaved.ShouldNotBeNull("the demo world must offer a matched contact only the closed opportunity brings");
        var saved = await org.SavedAsync(userId);
        saved.ImportedAccounts.ShouldNotContain(account);
        saved.Accounts.ShouldNotContain(a => a.CrmId == account);
        foreach (var contact in alone) saved.ImportedContacts.ShouldNotContain(contact);
        // S10: what the seat holder saved by hand stays, no longer imported and off "My CRM Leads".
        saved.Leads.Count(l => l.SavedByHand && !l.Imported).ShouldBe(1);
        saved.SystemListEntries.ShouldBe(saved.ImportedAccounts.Count + saved.ImportedContacts.Count);

        await org.UpdateAsync("opportunities", closing.Id, new JsonObject { ["statecode"] = 0, ["statuscode"] = 1 });
        var afterReopen = await org.RunAsync();

        afterReopen.Status.ShouldBe(SyncRunStatus.Succeeded);
        (await org.SavedAsync(userId)).ImportedAccounts.ShouldContain(account);
        afterReopen.Counts.Added.ShouldBe(1 + alone.Count);
    }

    [Fact]
    public async Task OwnerChange_MovesWhatTheOpportunityBringsToTheNewOwner()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite, "demo");
        var (from, to) = (org.Salespeople[0], org.Salespeople[1]);
        var fromId = await org.AddSeatHolderAsync(from);
        var toId = await org.AddSeatHolderAsync(to);
        (await org.RunAsync()).Status.ShouldBe(SyncRunStatus.Succeeded);
        var open = org.OpenOpportunitiesOf(from);
        var moving = open.First(o => o.ParentAccountId is { } a && open.Count(x => x.ParentAccountId == a || (x.CustomerIsAccount && x.CustomerId == a)) == 1
            && !org.BroughtIn(org.OpenOpportunitiesOf(to)).Accounts.Contains(a));
        var account = moving.ParentAccountId!.Value;

        await org.UpdateAsync("opportunities", moving.Id, new JsonObject { ["ownerid@odata.bind"] = $"/systemusers({to.Id})" });
        (await org.RunAsync()).Status.ShouldBe(SyncRunStatus.Succeeded);

        (await org.SavedAsync(fromId)).ImportedAccounts.ShouldNotContain(account);
        (await org.SavedAsync(toId)).ImportedAccounts.ShouldContain(account);
    }

    [Fact]
    public async Task ContactDeletedInTheCrm_LeavesTheWorkspaceAndItsRecord()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var seller = org.Salespeople[0];
        var userId = await org.AddSeatHolderAsync(seller);
        (await org.RunAsync()).Status.ShouldBe(SyncRunStatus.Succeeded);
        var contact = (await org.SavedAsync(userId)).ImportedContacts.First();

        await org.DeleteAsAdminAsync("contacts", contact);
        var run = await org.RunAsync();

        run.Status.ShouldBe(SyncRunStatus.Succeeded, run.FailureMessage);
        (await org.SavedAsync(userId)).Leads.ShouldNotContain(l => l.CrmId == contact);
        (await org.Host.QueryAsync(db => db.CrmContacts.CountAsync(c => c.CrmId == contact))).ShouldBe(0);
        run.Counts.Removed.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task ExpiredChangeToken_ReadsTheTablesInFullAgain_WithTheSameResult()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var seller = org.Salespeople[0];
        var userId = await org.AddSeatHolderAsync(seller);
        (await org.RunAsync()).Status.ShouldBe(SyncRunStatus.Succeeded);
        var before = await org.SavedAsync(userId);

        ChangeTrackingControl.ExpireTokensIssuedBefore(org.Org.Emulator.Org, org.Org.Emulator.Org.Time.GetUtcNow().AddSeconds(1));
        var run = await org.RunAsync();

        run.Status.ShouldBe(SyncRunStatus.Succeeded, run.FailureMessage);
        run.Mode.ShouldBe(SyncReadMode.Full);
        run.Counts.Added.ShouldBe(0);
        run.Counts.Removed.ShouldBe(0);
        var notes = await org.Host.QueryAsync(db => db.SyncRuns.Where(r => r.Id == run.Id).Select(r => r.Notes).SingleAsync());
        notes.ShouldNotBeNull().ShouldContain("change token");
        var after = await org.SavedAsync(userId);
        after.ImportedContacts.ShouldBe(before.ImportedContacts, ignoreOrder: true);
        after.ImportedAccounts.ShouldBe(before.ImportedAccounts, ignoreOrder: true);
    }

    [Fact]
    public async Task RunFailingHalfWay_ShowsNothing_AndTheNextRunCarriesOnWithoutReadingAgain()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var seller = org.Salespeople[0];
        var userId = await org.AddSeatHolderAsync(seller);
        // Contacts are read last: the CRM refuses them as if the connection's token had stopped working.
        org.Org.Emulator.Traffic().Faults.Apply(new FaultPlan(Seed: 1, [new FaultRule(FaultKind.ExpiredToken) { Path = "*contacts" }]));

        var failed = await org.RunAsync();

        failed.Status.ShouldBe(SyncRunStatus.Failed);
        failed.FailureMessage.ShouldNotBeNull().ShouldStartWith("Could not connect to CRM.");
        var halfWay = await org.SavedAsync(userId);
        halfWay.Leads.ShouldBeEmpty();
        halfWay.Accounts.ShouldBeEmpty();
        (await org.Host.QueryAsync(db => db.AdminAlerts.CountAsync(a => a.ContractId == org.Contract.Id && a.Title == SyncRunAlerts.FailedTitle && a.ResolvedAt == null))).ShouldBe(1);

        org.Org.Emulator.Traffic().Faults.Clear();
        var resumed = await org.RunAsync();

        resumed.Status.ShouldBe(SyncRunStatus.Succeeded, resumed.FailureMessage);
        resumed.ResumesRunId.ShouldBe(failed.Id);
        resumed.Counts.RecordsRead.ShouldBe(await org.Crm.CountAsync("contacts"));
        var expected = org.BroughtIn(org.OpenOpportunitiesOf(seller));
        var saved = await org.SavedAsync(userId);
        saved.ImportedAccounts.ShouldBe(expected.Accounts, ignoreOrder: true);
        saved.ImportedContacts.ShouldBe(expected.Contacts, ignoreOrder: true);
        (await org.Host.QueryAsync(db => db.AdminAlerts.CountAsync(a => a.ContractId == org.Contract.Id && a.Title == SyncRunAlerts.FailedTitle && a.ResolvedAt == null))).ShouldBe(0);
    }

    [Fact]
    public async Task AutoSyncNo_OnlySeatsEnabledOneByOneSync_AndDisablingASeatTakesItsImportBack()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite, "demo");
        var enabledId = await org.AddSeatHolderAsync(org.Salespeople[0]);
        var otherId = await org.AddSeatHolderAsync(org.Salespeople[1]);
        await org.Host.SetAutoSyncAsync(org.Contract.Id, autoSync: false);
        await SetSeatSyncAsync(org, enabledId, true);

        var run = await org.RunAsync();

        run.Counts.Seats.ShouldBe(1);
        (await org.SavedAsync(enabledId)).ImportedAccounts.ShouldNotBeEmpty();
        (await org.SavedAsync(otherId)).Leads.ShouldBeEmpty();

        await SetSeatSyncAsync(org, enabledId, false);
        var after = await org.RunAsync();

        after.Counts.Seats.ShouldBe(0);
        var saved = await org.SavedAsync(enabledId);
        saved.Leads.ShouldBeEmpty();
        saved.Accounts.ShouldBeEmpty();
        saved.SystemListEntries.ShouldBe(0);
    }

    [Fact]
    public async Task SeatNotTiedToACrmUser_GetsNothing_AndTheSecondRunReadsOnlyChanges()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var tiedId = await org.AddSeatHolderAsync(org.Salespeople[0]);
        var untiedSeat = await org.Host.AddUserAsync(org.Contract.Id, $"nobody.{Guid.NewGuid():N}@elsewhere.example", "Not In CRM");

        var first = await org.RunAsync();
        var second = await org.RunAsync();

        first.Counts.Seats.ShouldBe(1);
        var untiedUser = await org.Host.QueryAsync(db => db.Seats.Where(s => s.Id == untiedSeat).Select(s => s.UserId).SingleAsync());
        (await org.SavedAsync(untiedUser)).Leads.ShouldBeEmpty();
        (await org.SavedAsync(tiedId)).Leads.ShouldNotBeEmpty();
        second.Mode.ShouldBe(SyncReadMode.Changes);
        (second.Counts.Added, second.Counts.Removed, second.Counts.Updated).ShouldBe((0, 0, 0));
        // Counted from the saved items alone (TouchedPlan.ScopeCountsAsync), the same as the full run's plan counted them.
        (second.Counts.Matched, second.Counts.Unmatched).ShouldBe((first.Counts.Matched, first.Counts.Unmatched));
        first.Counts.Matched.ShouldBeGreaterThan(0);
        first.Counts.Unmatched.ShouldBeGreaterThan(0);
        // The users' snapshot and one delta request per table.
        second.Counts.CrmRequests.ShouldBeLessThanOrEqualTo(5);
        second.Counts.CrmRequests.ShouldBeLessThan(first.Counts.CrmRequests);
    }

    [Fact]
    public async Task ContactChangedInTheCrm_IsMatchedAgainInTheDeltaRun_ToTheSamePerson()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite, "demo");
        var userId = await org.AddSeatHolderAsync(org.Salespeople[0]);
        (await org.RunAsync()).Status.ShouldBe(SyncRunStatus.Succeeded);
        var tied = await org.Host.QueryAsync(db => db.CrmContacts.Where(c => c.PersonId != null && c.Match.State == CrmMatchState.Matched)
            .OrderBy(c => c.CrmId).Take(3).Select(c => new { c.CrmId, c.PersonId }).ToListAsync());
        tied.Count.ShouldBe(3);

        foreach (var contact in tied) await org.UpdateAsync("contacts", contact.CrmId, new JsonObject { ["jobtitle"] = "Chief Changing Officer" });
        var run = await org.RunAsync();

        run.Mode.ShouldBe(SyncReadMode.Changes);
        var after = await org.Host.QueryAsync(db => db.CrmContacts.Where(c => tied.Select(t => t.CrmId).Contains(c.CrmId))
            .Select(c => new { c.CrmId, c.PersonId, c.JobTitle, c.MatchPending }).ToListAsync());
        foreach (var contact in after)
        {
            contact.JobTitle.ShouldBe("Chief Changing Officer");
            contact.MatchPending.ShouldBeFalse();
            contact.PersonId.ShouldBe(tied.Single(t => t.CrmId == contact.CrmId).PersonId);
        }
    }

    private static Task MarkSavedByHandAsync(ImportOrg org, Guid userId, Guid contactCrmId) => org.Host.QueryAsync(db =>
        db.SavedLeads.Where(l => l.OwnerId == userId && l.CrmContact!.CrmId == contactCrmId && l.PersonId != null)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.SavedByHand, true)));

    private static Task SetSeatSyncAsync(ImportOrg org, Guid userId, bool enabled) => org.Host.QueryAsync(db =>
        db.Seats.Where(s => s.UserId == userId).ExecuteUpdateAsync(u => u.SetProperty(s => s.CrmSyncEnabled, enabled)));
}
