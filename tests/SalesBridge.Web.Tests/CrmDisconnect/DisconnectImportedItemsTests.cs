using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.CrmDisconnect;
using SalesBridge.Leads;
using SalesBridge.Lists;
using SalesBridge.Web.Tests.CrmHealth;
using SalesBridge.Web.Tests.CrmRecords;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmDisconnect;

/// <summary>
/// SPEC S5 with what the import leaves (issue 8): CRM records, matched and unmatched saved items, one also saved by
/// hand and on the seat holder's own list. Clean-up removes exactly the sync's part and unties the hand-saved lead.
/// </summary>
[Collection(CrmCollection.Name)]
public sealed class DisconnectImportedItemsTests(CrmWorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Disconnect_WithCleanUp_RemovesImportedItemsAndCrmRecordsKeepsTheHandSavedLeadUntied(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        var bystander = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        var items = await ImportedItems.ArrangeAsync(host, contract, contract.SeatHolder);
        await ImportedItems.ArrangeAsync(host, bystander, bystander.SeatHolder);
        // The seat holder also saved the matched lead by hand and put it on a list of their own.
        var ownListId = await host.QueryAsync(async db =>
        {
            var own = new SavedList { ContractId = contract.Id, OwnerId = contract.SeatHolder.Id, Name = "Keep", Kind = SavedListKind.Leads, CreatedAt = DateTimeOffset.UtcNow };
            db.SavedLists.Add(own);
            (await db.SavedLeads.SingleAsync(l => l.Id == items.MatchedLeadId)).SavedByHand = true;
            await db.SaveChangesAsync();
            db.SavedListEntries.Add(new SavedListEntry { ListId = own.Id, SavedLeadId = items.MatchedLeadId, AddedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return own.Id;
        });

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<DisconnectCrm>()
                .HandleAsync(contract.AdminCaller(), new DisconnectCrm.Request { CleanUp = true }, CancellationToken.None);
            (result.Record.RemovedLeads, result.Record.RemovedAccounts, result.Record.RemovedListEntries).ShouldBe((1, 2, 4));
            result.Record.RemovedItems.ShouldContain(new RemovedItem(RemovedItem.Lead, items.UnmatchedLeadId, ImportedItems.UnmatchedLeadName));
            result.Record.RemovedItems.ShouldContain(new RemovedItem(RemovedItem.Account, items.UnmatchedAccountId, ImportedItems.UnmatchedAccountName));
        }

        var leads = await host.QueryAsync(db => db.SavedLeads.Where(l => l.ContractId == contract.Id).ToListAsync());
        var kept = leads.ShouldHaveSingleItem();
        (kept.Id, kept.PersonId, kept.SavedByHand).ShouldBe((items.MatchedLeadId, contract.PersonIds[2], true));
        (kept.ImportedFromCrm, kept.CrmContactId).ShouldBe((false, (Guid?)null), "untied from the CRM contact that went");
        (await host.QueryAsync(db => db.SavedAccounts.CountAsync(a => a.ContractId == contract.Id))).ShouldBe(0);
        (await host.QueryAsync(db => db.SavedListEntries.Where(e => e.ListId == ownListId).Select(e => e.SavedLeadId).ToListAsync()))
            .ShouldBe([items.MatchedLeadId], "the seat holder's own list keeps the hand-saved lead");
        (await host.QueryAsync(db => db.SavedListEntries.CountAsync(e => e.ListId == items.CrmLeadsListId))).ShouldBe(0);
        (await host.QueryAsync(db => db.CrmContacts.CountAsync(c => c.ContractId == contract.Id))).ShouldBe(0);
        (await host.QueryAsync(db => db.CrmAccounts.CountAsync(a => a.ContractId == contract.Id))).ShouldBe(0);
        (await host.QueryAsync(db => db.CrmContacts.CountAsync(c => c.ContractId == bystander.Id))).ShouldBe(2, "another contract's CRM records stay");
        (await host.QueryAsync(db => db.SavedLeads.CountAsync(l => l.ContractId == bystander.Id && l.ImportedFromCrm))).ShouldBe(2);

        using var client = await host.ApiClientAsync(contract.SeatHolder);
        var page = await client.GetStringAsync("api/v1/leads");
        page.ShouldContain("\"crmUrl\":null");
        page.ShouldContain("\"unmatched\":false");
    }
}
