using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Benchmarks.Scenarios.CrmImport;
using SalesBridge.CrmConnection;
using SalesBridge.Persistence;
using SalesBridge.WriteBack;

namespace SalesBridge.Benchmarks.Scenarios.WriteBack;

/// <summary>
/// Issue 9, B7: a backlog of 10,000 queued notes (committed with the worker off) drained by the host's own worker once
/// it starts — time until all are settled, CRM requests (the emulator's count for the integration user: HTTP requests,
/// a <c>$batch</c> being one, and the requests inside the batches), items per second; then every item counted in the org
/// by <c>sb_itemid</c>. Run twice on fresh backlogs: with the emulator's default service-protection limits (a
/// <c>$batch</c> counts once against the 6,000 requests per 5 minutes, as the api-limits page says) and with a stricter
/// server on which each request inside a batch counts (10,000 parts exceed 6,000 per window: the org answers 429s and
/// the writer waits and retries).
/// </summary>
public sealed class WriteBackThroughputScenario : IBenchmarkScenario
{
    private const int Items = 10_000;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(8);

    public string Name => "write-back-throughput";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(CancellationToken cancellationToken)
    {
        await using var org = await ChildEmulator.StartAsync("demo", cancellationToken);
        using var control = new EmulatorControl(org);
        var folder = Directory.CreateTempSubdirectory("salesbridge-bench-");
        try
        {
            WriteBackWorkspace workspace;
            await using (var setup = await WriteBackHost.StartAsync(org, folder.FullName, worker: false, cancellationToken))
            {
                workspace = await WriteBackWorkspace.CreateAsync(setup.Services, org, cancellationToken);
                await setup.StopAsync(cancellationToken);
            }
            var queued = new List<Guid>();
            var batchCountsOnce = await DrainAsync(org, control, folder.FullName, workspace, queued, partsCount: false, cancellationToken);
            var partsCount = await DrainAsync(org, control, folder.FullName, workspace, queued, partsCount: true, cancellationToken);
            return new Dictionary<string, object>
            {
                ["database"] = "sqlite", ["emulator"] = "child process, demo world", ["items"] = Items,
                ["default_limits_batch_counts_once"] = batchCountsOnce, ["strict_limits_each_batch_part_counts"] = partsCount,
                ["target"] = "<= 12 CRM requests (HTTP) for 10,000 items; each item in the org exactly once",
            };
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<Dictionary<string, object>> DrainAsync(ChildEmulator org, EmulatorControl control, string folder, WriteBackWorkspace workspace,
        List<Guid> queued, bool partsCount, CancellationToken cancellationToken)
    {
        await using (var backlog = await WriteBackHost.StartAsync(org, folder, worker: false, cancellationToken))
        {
            queued.AddRange(await QueuedNotes.AddAsync(backlog.Services, workspace, Items, cancellationToken));
            await backlog.StopAsync(cancellationToken);
        }
        // A fresh window for the integration user (the setup's import used some of it) and the limits of this run.
        await control.SetLimitsAsync(new { batchPartsCountAsRequests = partsCount }, cancellationToken);
        await control.ResetCallsAsync(cancellationToken);

        await using var app = await WriteBackHost.StartAsync(org, folder, worker: true, cancellationToken);
        var startedAt = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        // As the last commit of the backlog would have (the sweep would find them within its interval otherwise).
        app.Services.GetRequiredService<IWriteBackSignal>().Wake(workspace.ContractId);
        int pending;
        do
        {
            await Task.Delay(100, cancellationToken);
            pending = await QueryAsync(app.Services, db => db.WriteBackItems.CountAsync(i => i.ContractId == workspace.ContractId && i.Pending, cancellationToken));
        } while (pending > 0 && watch.Elapsed < GiveUpAfter);
        watch.Stop();
        // A pass records its run after its last chunk is saved: give the last one a moment before reading the runs.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);

        var calls = await control.CallsAsync(cancellationToken);
        var figures = await QueryAsync(app.Services, async db =>
        {
            var runs = await db.WriteBackRuns.Where(r => r.ContractId == workspace.ContractId && r.StartedAt >= startedAt).ToListAsync(cancellationToken);
            var statuses = await db.WriteBackItems.Where(i => i.ContractId == workspace.ContractId).GroupBy(i => i.Status)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            return new Dictionary<string, object>
            {
                ["worker_passes"] = runs.Count, ["passes_completed"] = runs.Sum(r => r.Completed), ["passes_retried"] = runs.Sum(r => r.Retried),
                ["passes_failed"] = runs.Sum(r => r.Failed), ["client_counted_requests"] = runs.Sum(r => r.CrmRequests),
                ["statuses_all_items"] = statuses.ToDictionary(s => s.Key.ToString(), s => s.Count),
            };
        });
        var client = await QueryClientAsync(app.Services, workspace.ContractId, cancellationToken);
        await control.SetLimitsAsync(new { batchPartsCountAsRequests = false }, cancellationToken);
        var check = await OrgActivityCount.CountAsync(client, queued, cancellationToken);
        await app.StopAsync(cancellationToken);

        figures["seconds"] = Measure.Seconds(watch);
        figures["items_per_second"] = Math.Round(Items / watch.Elapsed.TotalSeconds, 1);
        figures["still_pending"] = pending;
        figures["crm_http_requests"] = calls["httpRequests"]!.GetValue<long>();
        figures["crm_requests_inside_batches"] = calls["batchedRequests"]!.GetValue<long>();
        figures["throttled_429"] = calls["throttled"]!.GetValue<long>();
        figures["org_check_all_items_so_far"] = check.Figures();
        return figures;
    }

    private static async Task<T> QueryAsync<T>(IServiceProvider services, Func<SalesBridgeDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>());
    }

    private static async Task<SalesBridge.Dataverse.DataverseClient> QueryClientAsync(IServiceProvider services, Guid contractId, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrgClients>().ForContractAsync(contractId, cancellationToken);
    }
}
