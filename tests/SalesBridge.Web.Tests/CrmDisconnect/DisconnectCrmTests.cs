using SalesBridge.CrmSeats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Alerts;
using SalesBridge.CrmConnection;
using SalesBridge.CrmDisconnect;
using SalesBridge.Errors;
using SalesBridge.Web.Tests.CrmHealth;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmDisconnect;

/// <summary>SPEC S5: disconnecting removes what the sync created (with clean-up) and never what seat holders saved themselves.</summary>
[Collection(CrmCollection.Name)]
public sealed class DisconnectCrmTests(CrmWorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Disconnect_WithCleanUp_RemovesOnlyWhatTheSyncCreatedAndAuditsIt(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        var bystander = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        var workspace = await SyncedWorkspace.ArrangeAsync(host, contract);
        await SyncedWorkspace.ArrangeAsync(host, bystander);
        var crmUser = new CrmUserSnapshot { ContractId = contract.Id, SystemUserId = Guid.NewGuid(), FullName = "Dana Crm", Email = "dana@crm.example.com", IsEnabled = true, RefreshedAt = DateTimeOffset.UtcNow };
        var bystanderCrmUser = new CrmUserSnapshot { ContractId = bystander.Id, SystemUserId = Guid.NewGuid(), FullName = "Eli Crm", IsEnabled = true, RefreshedAt = DateTimeOffset.UtcNow };
        await host.QueryAsync(async db => { db.CrmUserSnapshots.AddRange(crmUser, bystanderCrmUser); return await db.SaveChangesAsync(); });

        var result = await DisconnectAsync(host, contract, cleanUp: true);

        var (leads, accounts, ownEntries, crmEntries) = await WorkspaceAsync(host, contract.Id, workspace);
        leads.ShouldBe([workspace.BothLeadId, workspace.HandLeadId], ignoreOrder: true);
        accounts.ShouldBe([workspace.BothAccountId]);
        ownEntries.ShouldBe([workspace.HandLeadId], "the seat holder's own list keeps the hand-saved lead");
        crmEntries.ShouldBe(0, "every entry of the system lists was the sync's");
        var record = result.Record;
        record.CleanedUp.ShouldBeTrue();
        (record.RemovedLeads, record.RemovedAccounts, record.RemovedListEntries).ShouldBe((1, 1, 5));
        record.RemovedItems.ShouldContain(new RemovedItem(RemovedItem.Lead, workspace.SyncLeadId, SyncedWorkspace.SyncLeadName));
        record.RemovedItems.ShouldContain(new RemovedItem(RemovedItem.Account, workspace.SyncAccountId, SyncedWorkspace.SyncAccountName));
        record.RemovedItems.ShouldContain(item => item.Kind == RemovedItem.ListEntry && item.Name == $"{SyncedWorkspace.SyncLeadName} on Hot leads");
        var audit = await ListRecordsAsync(host, contract);
        var listed = audit.Items.ShouldHaveSingleItem();
        // PostgreSQL keeps microseconds.
        (listed.DisconnectedAt - record.DisconnectedAt).Duration().ShouldBeLessThan(TimeSpan.FromMilliseconds(1));
        listed.ShouldBeEquivalentTo(record with { DisconnectedAt = listed.DisconnectedAt });
        (await host.QueryAsync(db => db.SavedLeads.CountAsync(l => l.ContractId == bystander.Id))).ShouldBe(3, "another contract's data is never touched");
        record.RemovedItems.ShouldContain(new RemovedItem(RemovedItem.CrmUser, crmUser.Id, "Dana Crm"));
        (await host.QueryAsync(db => db.CrmUserSnapshots.Where(u => u.ContractId == contract.Id || u.ContractId == bystander.Id).Select(u => u.FullName).ToListAsync()))
            .ShouldBe(["Eli Crm"], "the contract's CRM users went with the clean-up, another contract's stayed");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Disconnect_WithoutCleanUp_KeepsTheDataAndWipesTheSecrets(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        var workspace = await SyncedWorkspace.ArrangeAsync(host, contract);
        await host.QueryAsync(db =>
        {
            db.AdminAlerts.Add(new AdminAlert { ContractId = contract.Id, Kind = AdminAlertKind.ConnectionFailing, RaisedAt = DateTimeOffset.UtcNow, Title = "t", Detail = "d" });
            return db.SaveChangesAsync();
        });

        var result = await DisconnectAsync(host, contract, cleanUp: false);

        var (leads, accounts, ownEntries, crmEntries) = await WorkspaceAsync(host, contract.Id, workspace);
        leads.Count.ShouldBe(3);
        accounts.Count.ShouldBe(2);
        ownEntries.Count.ShouldBe(2);
        crmEntries.ShouldBe(4);
        (result.KeptLeads, result.KeptAccounts).ShouldBe((1, 1));
        result.Record.CleanedUp.ShouldBeFalse();
        result.Record.RemovedItems.ShouldBeEmpty();
        var connection = await host.StoredConnectionAsync(contract.Id);
        connection.Status.ShouldBe(OrgConnectionStatus.Disconnected);
        connection.DisconnectedAt.ShouldNotBeNull();
        connection.ProtectedClientSecret.ShouldBeNull();
        connection.ProtectedTokenCache.ShouldBeNull();
        (await host.AlertsAsync(contract.Id)).ShouldAllBe(a => a.ResolvedAt != null);
        await using var scope = host.Services.CreateAsyncScope();
        await Should.ThrowAsync<ConflictException>(() => scope.ServiceProvider.GetRequiredService<OrgClients>().ForContractAsync(contract.Id, CancellationToken.None));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Disconnect_NotConnected_Refused409AndNoRecord(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        await DisconnectAsync(host, contract, cleanUp: false);

        var refusal = await Should.ThrowAsync<ConflictException>(() => DisconnectAsync(host, contract, cleanUp: true));

        refusal.Message.ShouldContain("not connected");
        (await ListRecordsAsync(host, contract)).TotalCount.ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Reconnect_AfterDisconnect_ReusesTheRowForTheSameOrg(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        var first = await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        await DisconnectAsync(host, contract, cleanUp: true);

        // What connecting again does with a disconnected row: credentials stored on it, status Connected.
        await host.SetClientSecretAsync(first.Id, fixture.Emulator.World.Spec.IntegrationClientSecret);
        await host.QueryAsync(async db =>
        {
            var row = await db.OrgConnections.SingleAsync(c => c.Id == first.Id);
            (row.Status, row.ConnectedAt, row.DisconnectedAt) = (OrgConnectionStatus.Connected, DateTimeOffset.UtcNow, null);
            return await db.SaveChangesAsync();
        });
        var status = await host.CheckHealthAsync(contract);

        status.Status.ShouldBe(OrgConnectionStatus.Connected);
        var rows = await host.QueryAsync(db => db.OrgConnections.Where(c => c.ContractId == contract.Id).ToListAsync());
        rows.ShouldHaveSingleItem().Id.ShouldBe(first.Id);
        rows[0].OrganizationId.ShouldBe(first.OrganizationId);
    }

    private static async Task<DisconnectResult> DisconnectAsync(WorkspaceHost host, TestContract contract, bool cleanUp)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DisconnectCrm>()
            .HandleAsync(contract.AdminCaller(), new DisconnectCrm.Request { CleanUp = cleanUp }, CancellationToken.None);
    }

    private static async Task<SalesBridge.Paging.Page<DisconnectRecordSummary>> ListRecordsAsync(WorkspaceHost host, TestContract contract)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ListDisconnectRecords>()
            .HandleAsync(contract.AdminCaller(), new ListDisconnectRecords.Request(), CancellationToken.None);
    }

    private static Task<(List<Guid> Leads, List<Guid> Accounts, List<Guid?> OwnEntries, int CrmEntries)> WorkspaceAsync(
        WorkspaceHost host, Guid contractId, SyncedWorkspace workspace) => host.QueryAsync(async db => (
        await db.SavedLeads.Where(l => l.ContractId == contractId).Select(l => l.Id).ToListAsync(),
        await db.SavedAccounts.Where(a => a.ContractId == contractId).Select(a => a.Id).ToListAsync(),
        await db.SavedListEntries.Where(e => e.ListId == workspace.OwnListId).Select(e => e.SavedLeadId).ToListAsync(),
        await db.SavedListEntries.CountAsync(e => db.SavedLists.Any(l => l.Id == e.ListId && l.ContractId == contractId && l.SystemKey != null))));
}
