using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Benchmarks.Scenarios.CrmImport;
using SalesBridge.CrmConnection;
using SalesBridge.CrmSettings;
using SalesBridge.Dataverse;
using SalesBridge.Notes;
using SalesBridge.Persistence;
using SalesBridge.WriteBack;

namespace SalesBridge.Benchmarks.Scenarios.WriteBack;

/// <summary>
/// Issue 9, B1: <i>Copy to CRM</i> to activity visible in the org, in the embedded default (SQLite, the host's own
/// Quartz worker woken by the commit; the org in a child process with its service-protection limits on). A seat holder's
/// notes are committed one at a time through the AddNote use case at a steady pace; a poller reads the org's note
/// activities by <c>sb_itemid</c> every <see cref="PollInterval"/>, so each latency is commit → first poll that saw it
/// (it overstates by up to one poll interval plus the query's own time).
/// </summary>
public sealed class WriteBackLatencyScenario : IBenchmarkScenario
{
    private const int Items = 200;
    /// <summary>Four commits a second: far more than one seat holder types, about what a hundred busy ones send together.</summary>
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public string Name => "write-back-latency";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(CancellationToken cancellationToken)
    {
        await using var org = await ChildEmulator.StartAsync("demo", cancellationToken);
        var folder = Directory.CreateTempSubdirectory("salesbridge-bench-");
        try
        {
            await using var app = await WriteBackHost.StartAsync(org, folder.FullName, worker: true, cancellationToken);
            var workspace = await WriteBackWorkspace.CreateAsync(app.Services, org, cancellationToken);
            DataverseClient client;
            await using (var scope = app.Services.CreateAsyncScope())
                client = await scope.ServiceProvider.GetRequiredService<OrgClients>().ForContractAsync(workspace.ContractId, cancellationToken);

            var committed = new ConcurrentDictionary<Guid, long>();
            var seen = new ConcurrentDictionary<Guid, long>();
            using var polling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var poller = PollAsync(client, seen, polling.Token);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < Items; i++)
            {
                var next = watch.Elapsed + Pace;
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var note = await scope.ServiceProvider.GetRequiredService<AddNote>().HandleAsync(workspace.Seller, new AddNote.Request
                    {
                        PersonId = workspace.MatchedPeople[i % workspace.MatchedPeople.Count], CopyToCrm = true,
                        Text = $"Latency note {i}: asked for the price list, call back on Monday.",
                    }, cancellationToken);
                    committed[note.Id] = Stopwatch.GetTimestamp();
                }
                if (next > watch.Elapsed) await Task.Delay(next - watch.Elapsed, cancellationToken);
            }
            var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
            while (committed.Keys.Any(id => !seen.ContainsKey(id)) && Stopwatch.GetTimestamp() < deadline) await Task.Delay(100, cancellationToken);
            await polling.CancelAsync();
            await poller;

            var latencies = committed.Where(c => seen.ContainsKey(c.Key))
                .Select(c => Stopwatch.GetElapsedTime(c.Value, seen[c.Key]).TotalMilliseconds).Order().ToList();
            var check = await OrgActivityCount.CountAsync(client, committed.Keys.ToList(), cancellationToken);
            Dictionary<string, int> statuses;
            int passes;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
                statuses = (await db.WriteBackItems.Where(w => w.ContractId == workspace.ContractId).GroupBy(w => w.Status)
                    .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken)).ToDictionary(s => s.Key.ToString(), s => s.Count);
                passes = await db.WriteBackRuns.CountAsync(r => r.ContractId == workspace.ContractId, cancellationToken);
            }
            await app.StopAsync(cancellationToken);
            return new Dictionary<string, object>
            {
                ["database"] = "sqlite", ["emulator"] = "child process, demo world", ["items"] = Items, ["pace_ms"] = Pace.TotalMilliseconds,
                ["poll_interval_ms"] = PollInterval.TotalMilliseconds, ["seen"] = latencies.Count,
                ["p50_ms"] = Percentile(latencies, 0.50), ["p95_ms"] = Percentile(latencies, 0.95), ["max_ms"] = latencies.Count > 0 ? Math.Round(latencies[^1]) : -1,
                ["mean_ms"] = latencies.Count > 0 ? Math.Round(latencies.Average()) : -1, ["worker_passes"] = passes,
                ["statuses"] = statuses, ["org_check"] = check.Figures(), ["target"] = "p95 <= 2000 ms",
            };
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Reads every note activity's <c>sb_itemid</c> again and again, noting when each first appears.</summary>
    private static async Task PollAsync(DataverseClient client, ConcurrentDictionary<Guid, long> seen, CancellationToken cancellationToken)
    {
        var table = SalesBridgeSolution.TableFor(WriteBackItemKind.Note).EntitySetName;
        try
        {
            while (true)
            {
                await foreach (var row in client.QueryAsync(table, new DataverseQuery { Select = [SalesBridgeSolution.ItemIdColumn] }, cancellationToken: cancellationToken))
                {
                    var now = Stopwatch.GetTimestamp();
                    if (Guid.TryParse(row[SalesBridgeSolution.ItemIdColumn]?.GetValue<string>(), out var id)) seen.TryAdd(id, now);
                }
                await Task.Delay(PollInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Nearest-rank percentile in whole milliseconds; -1 when nothing was seen.</summary>
    internal static double Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? -1 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)]);
}
