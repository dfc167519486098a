using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Dataverse;
using SalesBridge.Dataverse.Authentication;
using SalesBridge.Emulator.Hosting;

namespace SalesBridge.Benchmarks.Scenarios;

/// <summary>
/// Writes 10,000 keyed upserts with <see cref="DataverseClient.UpsertManyAsync"/> (target: at most 10 requests,
/// batches of 1,000, plus retries) and reports the throughput and that every row landed exactly once.
/// </summary>
public sealed class ClientWriteScenario : IBenchmarkScenario
{
    private const int Rows = 10_000;

    public string Name => "client-write";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(CancellationToken cancellationToken)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Size = "tiny" }, cancellationToken: cancellationToken);
        await using var services = new ServiceCollection().AddDataverseClientFactory().Services.BuildServiceProvider();
        var client = services.GetRequiredService<DataverseClientFactory>().Create(
            new DataverseClientOptions { OrganizationUrl = server.BaseUri, AllowNonDynamicsHost = true },
            new FixedTokenProvider(await EmulatorTokens.IntegrationTokenAsync(server, cancellationToken)));
        var before = server.Org.Store.Table("account").Count;
        var rows = Enumerable.Range(0, Rows)
            .Select(i => (EntityKey.Alternate(("accountnumber", $"BENCH-{i:D6}")), new JsonObject { ["name"] = $"Benchmark account {i}" }))
            .ToArray();

        var watch = Stopwatch.StartNew();
        var results = await client.UpsertManyAsync("accounts", rows, cancellationToken: cancellationToken);
        watch.Stop();

        var calls = client.Calls.Snapshot();
        return new Dictionary<string, object>
        {
            ["rows"] = Rows,
            ["succeeded"] = results.Count(r => r.Succeeded),
            ["rows_added_to_org"] = server.Org.Store.Table("account").Count - before,
            ["requests"] = calls.Requests,
            ["target_max_requests"] = 10,
            ["retries"] = calls.Retries,
            ["seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 3),
            ["rows_per_second"] = Math.Round(Rows / watch.Elapsed.TotalSeconds),
        };
    }
}
