using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Benchmarks.Scenarios.CrmImport;
using SalesBridge.CrmConnection;
using SalesBridge.Persistence;

namespace SalesBridge.Benchmarks.Scenarios.WriteBack;

/// <summary>
/// Issue 9's chaos proof: 10,000 queued notes; the org (a child process) injects 10% 429s, 5% 503s, 2% dropped
/// connections and one expired token; the worker runs in a separate SalesBridge process that is killed with SIGKILL
/// three times at random moments while it drains and started again. At the end every item must be in the org exactly once, counted
/// there by <c>sb_itemid</c>, with nothing left pending or failed; <c>passed</c> says so, and the benchmark exits 1 when
/// it is false. <c>SALESBRIDGE_CHAOS_SEED</c> repeats a run's fault sequence and kill moments.
/// </summary>
public sealed class WriteBackChaosScenario : IBenchmarkScenario
{
    private const int Items = 10_000;
    private const int Kills = 3;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(20);

    public string Name => "write-back-chaos";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(CancellationToken cancellationToken)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SALESBRIDGE_CHAOS_SEED"), out var given) ? given : Random.Shared.Next(1, 1_000_000);
        var random = new Random(seed);
        await using var org = await ChildEmulator.StartAsync("demo", cancellationToken);
        using var control = new EmulatorControl(org);
        var folder = Directory.CreateTempSubdirectory("salesbridge-chaos-");
        var log = Path.Combine(Path.GetTempPath(), $"salesbridge-chaos-{seed}.log");
        // The benchmark's own host reads the database (and the org through the contract's client); its worker stays off.
        await using var reader = await WriteBackHost.StartAsync(org, folder.FullName, worker: false, cancellationToken);
        var workspace = await WriteBackWorkspace.CreateAsync(reader.Services, org, cancellationToken);
        var queued = await QueuedNotes.AddAsync(reader.Services, workspace, Items, cancellationToken);

        await control.SetLimitsAsync(new { }, cancellationToken);
        await control.ResetCallsAsync(cancellationToken);
        await control.SetFaultsAsync(new
        {
            seed,
            faults = new object[]
            {
                new { kind = "expiredToken", count = 1, path = "$batch" },
                new { kind = "dropConnection", probability = 0.02 },
                new { kind = "serviceUnavailable", probability = 0.05 },
                new { kind = "tooManyRequests", probability = 0.10 },
            },
        }, cancellationToken);

        var watch = Stopwatch.StartNew();
        var kills = new List<Dictionary<string, object>>();
        SalesBridgeProcess? worker = null;
        int pending;
        try
        {
            for (var kill = 0; kill < Kills; kill++)
            {
                var before = await PendingAsync(reader.Services, workspace.ContractId, cancellationToken);
                worker = StartWorker(org, folder.FullName, log);
                var startedAt = watch.Elapsed;
                // A random moment while this process drains: once its first chunk is saved (its start-up takes seconds on a
                // busy machine, and a kill before any pass would prove nothing), then 0–4 s more, mid-pass as likely as not.
                while (await PendingAsync(reader.Services, workspace.ContractId, cancellationToken) >= before && watch.Elapsed < GiveUpAfter)
                    await Task.Delay(50, cancellationToken);
                await Task.Delay(TimeSpan.FromSeconds(random.NextDouble() * 4), cancellationToken);
                var after = watch.Elapsed - startedAt;
                var pendingAtKill = await PendingAsync(reader.Services, workspace.ContractId, cancellationToken);
                worker.Kill();
                kills.Add(new Dictionary<string, object>
                {
                    ["pid"] = worker.Id, ["seconds_after_start"] = Math.Round(after.TotalSeconds, 1),
                    ["at_second"] = Math.Round((startedAt + after).TotalSeconds, 1), ["pending_at_kill"] = pendingAtKill,
                });
                worker.Dispose();
                worker = null;
            }
            worker = StartWorker(org, folder.FullName, log);
            do
            {
                await Task.Delay(500, cancellationToken);
                pending = await PendingAsync(reader.Services, workspace.ContractId, cancellationToken);
            } while (pending > 0 && watch.Elapsed < GiveUpAfter);
            watch.Stop();
        }
        finally
        {
            worker?.Dispose();
        }

        var faults = await control.FaultsAsync(cancellationToken);
        await control.ClearFaultsAsync(cancellationToken);
        var calls = await control.CallsAsync(cancellationToken);
        DataverseClientSource source = new(reader.Services, workspace.ContractId);
        var check = await OrgActivityCount.CountAsync(await source.ClientAsync(cancellationToken), queued, cancellationToken);
        await using var scope = reader.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        var statuses = (await db.WriteBackItems.Where(i => i.ContractId == workspace.ContractId).GroupBy(i => i.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken)).ToDictionary(s => s.Key.ToString(), s => s.Count);
        var runs = await db.WriteBackRuns.Where(r => r.ContractId == workspace.ContractId).ToListAsync(cancellationToken);
        var written = statuses.GetValueOrDefault("Written");
        var passed = check.ExactlyOnce && pending == 0 && written == Items && kills.All(k => (int)k["pending_at_kill"] > 0);
        await reader.StopAsync(cancellationToken);
        folder.Delete(recursive: true);

        return new Dictionary<string, object>
        {
            ["passed"] = passed, ["seed"] = seed, ["items"] = Items, ["seconds"] = Measure.Seconds(watch),
            ["items_per_second"] = Math.Round(Items / watch.Elapsed.TotalSeconds, 1), ["kills"] = kills, ["still_pending"] = pending,
            ["statuses"] = statuses, ["worker_passes_recorded"] = runs.Count, ["passes_retried_items"] = runs.Sum(r => r.Retried),
            ["passes_failed_items"] = runs.Sum(r => r.Failed), ["passes_completed_items"] = runs.Sum(r => r.Completed),
            ["passes_relinked_items"] = runs.Sum(r => r.Relinked),
            ["crm_http_requests"] = calls["httpRequests"]!.GetValue<long>(), ["crm_requests_inside_batches"] = calls["batchedRequests"]!.GetValue<long>(),
            ["faulted"] = calls["faulted"]!.GetValue<long>(), ["throttled_429"] = calls["throttled"]!.GetValue<long>(),
            ["fault_plan_at_end"] = faults.ToJsonString(), ["org_check"] = check.Figures(), ["worker_log"] = log,
            ["rule"] = "passed = every queued item in the org exactly once (counted by sb_itemid), none pending, all Written, each kill while items were pending",
        };
    }

    /// <summary>A SalesBridge process whose worker drains the outbox; a short sweep picks up retries whose back-off ended within 2 s, not 15 s.</summary>
    private static SalesBridgeProcess StartWorker(ChildEmulator org, string dataDirectory, string log) =>
        SalesBridgeProcess.Start("chaos-worker", org,
            [.. WriteBackHost.Args(org, dataDirectory, worker: true, sweepInterval: TimeSpan.FromSeconds(2)), "--Logging:LogLevel:SalesBridge.WriteBack=Information"], log);

    private static async Task<int> PendingAsync(IServiceProvider services, Guid contractId, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>().WriteBackItems.CountAsync(i => i.ContractId == contractId && i.Pending, cancellationToken);
    }

    private sealed record DataverseClientSource(IServiceProvider Services, Guid ContractId)
    {
        public async Task<SalesBridge.Dataverse.DataverseClient> ClientAsync(CancellationToken cancellationToken)
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OrgClients>().ForContractAsync(ContractId, cancellationToken);
        }
    }
}
