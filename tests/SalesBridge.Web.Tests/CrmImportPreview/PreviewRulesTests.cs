using System.Text.Json.Nodes;
using SalesBridge.CrmImport;
using SalesBridge.Web.Tests.CrmImportEngine;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmImportPreview;

/// <summary>SPEC B4: the preview says per seat what a run then does, on small emulator orgs, and changes nothing itself.</summary>
public sealed class PreviewRulesTests
{
    [Fact]
    public async Task Preview_ListsWhatTheRunThenImports_AndWritesNothing()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var sellers = org.Salespeople.Take(2).ToList();
        var userIds = new List<Guid>();
        foreach (var seller in sellers) userIds.Add(await org.AddSeatHolderAsync(seller));
        // A fresh contract: the CRM's users read (as when connecting), nothing imported yet.
        await RefreshUsersAsync(org);
        var before = await org.Host.ImportRowsAsync(org.Contract.Id);

        var preview = await org.PreviewAsync();

        (await org.Host.ImportRowsAsync(org.Contract.Id)).ShouldBe(before);
        preview.GetProperty("crmRequests").GetInt64().ShouldBeGreaterThan(0);
        preview.GetProperty("stageColumn").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var run = await org.RunAsync();
        run.Status.ShouldBe(SyncRunStatus.Succeeded, run.FailureMessage);
        run.Mode.ShouldBe(SyncReadMode.Full, "the preview must leave the change tracking as it was");
        var wouldAdd = 0;
        for (var i = 0; i < sellers.Count; i++)
        {
            var seat = preview.SeatOf(userIds[i]);
            var saved = await org.SavedAsync(userIds[i]);
            saved.ImportedAccounts.Count.ShouldBeGreaterThan(0);
            seat.CrmIds("accountItems").ShouldBe(saved.ImportedAccounts, ignoreOrder: true);
            seat.CrmIds("contactItems").ShouldBe(saved.ImportedContacts, ignoreOrder: true);
            seat.GetProperty("opportunities").GetInt32().ShouldBe(org.OpenOpportunitiesOf(sellers[i]).Count);
            seat.GetProperty("crmUserId").GetGuid().ShouldBe(sellers[i].Id);
            seat.GetProperty("wouldRemove").GetInt32().ShouldBe(0);
            // Matched as the run then matched them: the same workspace counterparts.
            seat.GetProperty("accounts").GetProperty("matched").GetInt32().ShouldBe(saved.Accounts.Count(a => a.Imported && a.TargetId is not null));
            seat.GetProperty("contacts").GetProperty("matched").GetInt32().ShouldBe(saved.Leads.Count(l => l.Imported && l.TargetId is not null));
            wouldAdd += seat.GetProperty("wouldAdd").GetInt32();
        }
        wouldAdd.ShouldBe(run.Counts.Added);
    }

    [Fact]
    public async Task Preview_RespectsTheStageThreshold()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite);
        var seller = org.Salespeople[0];
        var userId = await org.AddSeatHolderAsync(seller);
        await RefreshUsersAsync(org);
        await org.SetStageAsync("salesstage", 2);

        var seat = (await org.PreviewAsync()).SeatOf(userId);

        var expected = org.BroughtIn(org.OpenOpportunitiesOf(seller, minimumSalesStage: 2));
        org.BroughtIn(org.OpenOpportunitiesOf(seller)).Accounts.Count.ShouldBeGreaterThan(expected.Accounts.Count, "the world must have early-stage opportunities");
        seat.GetProperty("opportunities").GetInt32().ShouldBe(org.OpenOpportunitiesOf(seller, minimumSalesStage: 2).Count);
        seat.CrmIds("accountItems").ShouldBe(expected.Accounts, ignoreOrder: true);
        seat.CrmIds("contactItems").ShouldBe(expected.Contacts, ignoreOrder: true);
    }

    [Fact]
    public async Task Preview_AfterAnOpportunityClosed_SaysWhatTheNextRunRemoves()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite, "demo");
        var seller = org.Salespeople[0];
        var userId = await org.AddSeatHolderAsync(seller);
        (await org.RunAsync()).Status.ShouldBe(SyncRunStatus.Succeeded);
        var open = org.OpenOpportunitiesOf(seller);
        var closing = open.First(o => o.ParentAccountId is { } a && open.Count(x => x.ParentAccountId == a || (x.CustomerIsAccount && x.CustomerId == a)) == 1);
        var alone = org.BroughtIn([closing]).Contacts.Except(org.BroughtIn(open.Where(o => o.Id != closing.Id)).Contacts).ToList();
        await org.UpdateAsync("opportunities", closing.Id, new JsonObject { ["statecode"] = 2, ["statuscode"] = 4 });
        var before = await org.Host.ImportRowsAsync(org.Contract.Id);

        var seat = (await org.PreviewAsync()).SeatOf(userId);

        (await org.Host.ImportRowsAsync(org.Contract.Id)).ShouldBe(before);
        seat.GetProperty("wouldRemove").GetInt32().ShouldBe(1 + alone.Count);
        seat.GetProperty("wouldAdd").GetInt32().ShouldBe(0);
        var removed = seat.GetProperty("removals").EnumerateArray().Select(r => r.GetProperty("crmId").GetGuid()).ToList();
        removed.ShouldContain(closing.ParentAccountId!.Value);
        foreach (var contact in alone) removed.ShouldContain(contact);
        seat.CrmIds("accountItems").ShouldNotContain(closing.ParentAccountId!.Value);
        seat.GetProperty("accountItems").EnumerateArray().ShouldAllBe(i => i.GetProperty("alreadyImported").GetBoolean());

        var afterClose = await org.RunAsync();
        afterClose.Mode.ShouldBe(SyncReadMode.Changes, "the preview must not have used up the change tracking's changes");
        afterClose.Counts.Removed.ShouldBe(1 + alone.Count);
        (await org.SavedAsync(userId)).ImportedAccounts.ShouldBe(seat.CrmIds("accountItems"), ignoreOrder: true);
    }

    /// <summary>Reads the CRM's users (what a run does first), so seats are tied without a run.</summary>
    internal static async Task RefreshUsersAsync(ImportOrg org)
    {
        using var api = await org.Host.ApiClientAsync(org.Contract.Admin);
        (await api.PostAsync("api/v1/admin/crm/users/refresh", null)).EnsureSuccessStatusCode();
    }
}
