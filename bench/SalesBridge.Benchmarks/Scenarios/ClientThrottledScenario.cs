using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Dataverse;
using SalesBridge.Dataverse.Authentication;
using SalesBridge.Emulator.Faults;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Limits;

namespace SalesBridge.Benchmarks.Scenarios;

/// <summary>
/// The client's writes (10,000 keyed upserts) and reads (the same rows, 500 a page) once without faults and once
/// with the emulator answering 20 % of requests with 429 (Retry-After 1 s), one request at a time so that waits add
/// up. Reports that the results are the same, nothing was lost or written twice, and how the extra time compares
/// with the waits the Retry-After values demanded (429s on whole requests and on single parts of a batch).
/// </summary>
public sealed class ClientThrottledScenario : IBenchmarkScenario
{
    private const int Rows = 10_000;

    public string Name => "client-throttled";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(CancellationToken cancellationToken)
    {
        var clean = await RunOnceAsync(withFaults: false, cancellationToken);
        var throttled = await RunOnceAsync(withFaults: true, cancellationToken);
        var demanded = throttled.Waited;
        return new Dictionary<string, object>
        {
            ["rows"] = Rows,
            ["clean_seconds"] = Math.Round(clean.Seconds, 3),
            ["clean_requests"] = clean.Requests,
            ["throttled_seconds"] = Math.Round(throttled.Seconds, 3),
            ["throttled_requests"] = throttled.Requests,
            ["throttled_429_responses"] = throttled.Throttled,
            ["retries"] = throttled.Retries,
            ["rows_written_once"] = throttled.RowsAdded == Rows && throttled.AllSucceeded,
            ["rows_read"] = throttled.RowsRead,
            ["rows_read_distinct"] = throttled.DistinctRead,
            ["retry_after_waited_seconds"] = Math.Round(demanded, 3),
            ["extra_seconds"] = Math.Round(throttled.Seconds - clean.Seconds, 3),
            ["extra_over_demanded"] = demanded == 0 ? 0 : Math.Round((throttled.Seconds - clean.Seconds) / demanded, 3),
        };
    }

    private static async Task<Outcome> RunOnceAsync(bool withFaults, CancellationToken cancellationToken)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Size = "tiny" }, cancellationToken: cancellationToken);
        await using var services = new ServiceCollection().AddDataverseClientFactory().Services.BuildServiceProvider();
        var client = services.GetRequiredService<DataverseClientFactory>().Create(
            new DataverseClientOptions { OrganizationUrl = server.BaseUri, AllowNonDynamicsHost = true, MaxDegreeOfParallelism = 1, PageSize = 500, MaxRetries = 20 },
            new FixedTokenProvider(await server.IntegrationTokenAsync(cancellationToken)));
        if (withFaults)
        {
            server.Traffic().Faults.Apply(new FaultPlan(Seed: 2026, [new FaultRule(FaultKind.TooManyRequests) { Probability = 0.2, RetryAfter = TimeSpan.FromSeconds(1) }]));
        }
        var before = server.Org.Store.Table("account").Count;
        var rows = Enumerable.Range(0, Rows)
            .Select(i => (EntityKey.Alternate(("accountnumber", $"THR-{i:D6}")), new JsonObject { ["name"] = $"Throttled {i}" }))
            .ToArray();

        var watch = Stopwatch.StartNew();
        var results = await client.UpsertManyAsync("accounts", rows, batchSize: 500, cancellationToken: cancellationToken);
        var ids = new List<string>();
        var query = new DataverseQuery { Select = ["accountnumber"], Filter = ODataFilter.StartsWith("accountnumber", "THR-") };
        await foreach (var row in client.QueryAsync("accounts", query, cancellationToken: cancellationToken)) ids.Add(row["accountid"]!.GetValue<string>());
        watch.Stop();

        var calls = client.Calls.Snapshot();
        return new Outcome(watch.Elapsed.TotalSeconds, calls.Requests, calls.Throttled, calls.Retries, calls.RetryAfterWaited.TotalSeconds,
            server.Org.Store.Table("account").Count - before, results.All(r => r.Succeeded), ids.Count, ids.Distinct().Count());
    }

    private sealed record Outcome(double Seconds, long Requests, long Throttled, long Retries, double Waited, int RowsAdded, bool AllSucceeded, int RowsRead, int DistinctRead);
}
