using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.CrmImport;
using SalesBridge.Observability;
using SalesBridge.Persistence;
using SalesBridge.Web.Tests.CrmImportEngine;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Cluster;

/// <summary>
/// B8/B9: an import run belongs to the process that claimed it. Another process carries it on only when the scheduler
/// recovers the job of a node it found dead, and from then on the first process can save nothing more of it.
/// </summary>
public sealed class RunLeaseTests
{
    public static TheoryData<string> Databases => TestDatabases.All;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task ARunClaimedByAnotherProcess_IsLeftAlone_UnlessTheSchedulerHandsItOver(string database)
    {
        await using var org = await ImportOrg.StartAsync(database);
        await org.AddSeatHolderAsync(org.Salespeople[0]);
        var run = await StartAsync(org);
        var deadLease = Guid.NewGuid();
        await org.Host.QueryAsync(db => db.SyncRuns.Where(r => r.Id == run.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Lease, deadLease).SetProperty(r => r.Node, "node-a")));

        var leftAlone = await RunAsync(org, run.Id, "node-b", takeOver: false);

        leftAlone.Status.ShouldBe(SyncRunStatus.Running);
        leftAlone.Node.ShouldBe("node-a");

        var carriedOn = await RunAsync(org, run.Id, "node-b", takeOver: true);

        carriedOn.Status.ShouldBe(SyncRunStatus.Succeeded);
        carriedOn.Node.ShouldBe("node-b");
        var saved = await org.Host.QueryAsync(db => db.SyncRuns.SingleAsync(r => r.Id == run.Id));
        saved.Lease.ShouldNotBe(deadLease);
        saved.Notes.ShouldNotBeNull().ShouldContain("Taken over by node-b after node-a stopped.");
        saved.Counts.Added.ShouldBeGreaterThan(0, "the run did its work on the second node");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task AProcessWhoseRunWasTakenOver_CanSaveNothingMoreOfIt(string database)
    {
        await using var org = await ImportOrg.StartAsync(database);
        await org.AddSeatHolderAsync(org.Salespeople[0]);
        var run = await StartAsync(org);
        var firstLease = Guid.NewGuid();
        await org.Host.QueryAsync(db => db.SyncRuns.Where(r => r.Id == run.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Lease, firstLease).SetProperty(r => r.Node, "node-a")));
        // node-a holds the run as it last read it, and is thought dead while it is merely slow.
        await using var slowScope = org.Host.Services.CreateAsyncScope();
        var slow = slowScope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        var held = await slow.SyncRuns.SingleAsync(r => r.Id == run.Id);

        (await RunAsync(org, run.Id, "node-b", takeOver: true)).Status.ShouldBe(SyncRunStatus.Succeeded);
        held.Phase = "Reading contacts";
        held.HeartbeatAt = DateTimeOffset.UtcNow;

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => slow.SaveChangesAsync());
        var saved = await org.Host.QueryAsync(db => db.SyncRuns.SingleAsync(r => r.Id == run.Id));
        saved.Status.ShouldBe(SyncRunStatus.Succeeded);
        saved.Node.ShouldBe("node-b");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task ARunMarkedInterrupted_FencesTheProcessThatWentSilent(string database)
    {
        await using var org = await ImportOrg.StartAsync(database);
        var run = await StartAsync(org);
        var lease = Guid.NewGuid();
        var silentSince = DateTimeOffset.UtcNow - StartSyncRun.HeartbeatTimeout - TimeSpan.FromMinutes(1);
        await org.Host.QueryAsync(db => db.SyncRuns.Where(r => r.Id == run.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Lease, lease).SetProperty(r => r.Node, "node-a").SetProperty(r => r.HeartbeatAt, silentSince)));
        await using var silentScope = org.Host.Services.CreateAsyncScope();
        var silent = silentScope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        var held = await silent.SyncRuns.SingleAsync(r => r.Id == run.Id);

        await using (var scope = org.Host.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<StartSyncRun>().MarkInterruptedAsync(org.Contract.Id, DateTimeOffset.UtcNow, CancellationToken.None)).ShouldBe(1);
        }
        held.Status = SyncRunStatus.Succeeded;

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => silent.SaveChangesAsync());
        (await org.Host.QueryAsync(db => db.SyncRuns.Where(r => r.Id == run.Id).Select(r => r.Status).SingleAsync())).ShouldBe(SyncRunStatus.Interrupted);
    }

    private static async Task<SyncRun> StartAsync(ImportOrg org)
    {
        await using var scope = org.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StartSyncRun>().StartAsync(org.Contract.Id, SyncTrigger.Schedule, null, CancellationToken.None);
    }

    /// <summary>Executes the run as the process named <paramref name="node"/> would.</summary>
    private static async Task<SyncRunSummary> RunAsync(ImportOrg org, Guid runId, string node, bool takeOver)
    {
        await using var scope = org.Host.Services.CreateAsyncScope();
        var runner = ActivatorUtilities.CreateInstance<ImportRunner>(scope.ServiceProvider, new NodeName(node));
        return await runner.RunAsync(runId, CancellationToken.None, takeOver);
    }
}
