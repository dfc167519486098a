using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.CrmImport;
using SalesBridge.Emulator.Faults;
using SalesBridge.Emulator.Limits;
using SalesBridge.Web.Tests.CrmImportEngine;
using SalesBridge.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesBridge.Web.Tests.Cluster;

/// <summary>
/// B9 on a small scale, with real processes: a web node and two worker processes on one PostgreSQL database and its
/// clustered scheduler; the worker running an import is killed with SIGKILL half-way, and the other carries the run on.
/// </summary>
public sealed class FailoverTests(ITestOutputHelper output)
{
    /// <summary>Short cluster timings so that a dead node is noticed within seconds (production: 7.5 s and 30 s).</summary>
    private static readonly string[] FastCluster = ["--Scheduler:Clustered=true", "--Scheduler:CheckinInterval=00:00:01", "--Scheduler:MisfireThreshold=00:00:03"];

    [Fact]
    public async Task AWorkerKilledWhileImporting_ItsRunIsCarriedOnByAnotherWorker()
    {
        if (!TestDatabases.PostgresWanted) return;
        await using var database = await SharedPostgresDatabase.CreateAsync();
        string[] cluster = [.. FastCluster, $"--Database:ConnectionString={database.ConnectionString}"];
        await using var org = await ImportOrg.StartAsync(TestDatabases.Postgres, settings: [.. cluster, "--Node:Role=Web"]);
        await org.AddSeatHolderAsync(org.Salespeople[0]);
        var emulator = org.Org.Emulator;
        string[] worker =
        [
            .. cluster, "--Node:Role=Worker", "--Database:Provider=PostgreSql", "--urls=http://127.0.0.1:0", "--Demo:Enabled=false",
            "--CrmHealth:MonitorEnabled=false", "--CrmImport:ScheduleEnabled=false", "--Logging:LogLevel:Default=Warning",
            $"--Crm:AllowedExtraHosts:0={emulator.BaseUri.Host}", $"--Crm:EntraAuthorityHost={emulator.BaseUri}", "--Crm:AllowNonEntraAuthority=true",
        ];
        using var first = NodeProcess.Start("worker-a", emulator.Certificate!, worker);
        using var second = NodeProcess.Start("worker-b", emulator.Certificate!, worker);
        var nodes = new[] { first, second };
        // Every org request takes 1.5 s, so the run is still reading when its node dies.
        emulator.Traffic().Faults.Apply(new FaultPlan(1, [new FaultRule(FaultKind.Slow) { Delay = TimeSpan.FromSeconds(1.5) }]));

        Guid runId;
        await using (var scope = org.Host.Services.CreateAsyncScope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<StartSyncRun>().StartAsync(org.Contract.Id, SyncTrigger.SyncNow, null, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<IImportRunQueue>().EnqueueAsync(org.Contract.Id, run.Id, CancellationToken.None);
            runId = run.Id;
        }
        Task<SyncRun> Run() => org.Host.QueryAsync(db => db.SyncRuns.AsNoTracking().SingleAsync(r => r.Id == runId));
        string Logs() => string.Join("\n", nodes.Select(n => $"--- {n.Name} ---\n{n.Output}"));

        var deadline = Stopwatch.StartNew();
        var claimed = await Run();
        while ((claimed.Node is null || !claimed.Phase.StartsWith("Reading", StringComparison.Ordinal)) && deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(200);
            claimed = await Run();
        }
        claimed.Node.ShouldNotBeNull($"no worker picked the run up.\n{Logs()}");
        var victim = nodes.Single(n => n.Name == claimed.Node);
        var survivor = nodes.Single(n => n != victim);
        victim.Kill();
        var killedAt = Stopwatch.StartNew();

        var after = await Run();
        while (after.Status == SyncRunStatus.Running && killedAt.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(250);
            after = await Run();
        }
        output.WriteLine($"Killed {victim.Name} in phase '{claimed.Phase}'; the run ended {after.Status} on {after.Node} {killedAt.Elapsed.TotalSeconds:0.0} s later. Notes: {after.Notes}");

        after.Status.ShouldBe(SyncRunStatus.Succeeded, $"{after.FailureMessage}\n{Logs()}");
        after.Node.ShouldBe(survivor.Name, Logs());
        after.Notes.ShouldNotBeNull().ShouldContain($"Taken over by {survivor.Name} after {victim.Name} stopped.");
        survivor.HasExited.ShouldBeFalse(Logs());
        (await org.Host.QueryAsync(db => db.SyncRuns.CountAsync(r => r.ContractId == org.Contract.Id))).ShouldBe(1, "the run was carried on, not started again");
        after.Counts.Added.ShouldBeGreaterThan(0, "the carried-on run saved the seat holders' CRM records");
    }
}
