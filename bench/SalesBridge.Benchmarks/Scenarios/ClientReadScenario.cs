using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Dataverse;
using SalesBridge.Dataverse.Authentication;
using SalesBridge.Emulator.Hosting;

namespace SalesBridge.Benchmarks.Scenarios;

/// <summary>
/// Reads the 200,000 contacts of the large world with <see cref="DataverseClient.QueryAsync"/> and with a bare
/// HttpClient loop over the same pages, alternating, and reports both (targets: the minimum 40 requests, and at
/// least 80 % of the bare loop's rows per second).
/// </summary>
public sealed class ClientReadScenario : IBenchmarkScenario
{
    public string Name => "client-read";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(CancellationToken cancellationToken)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Size = "large" }, cancellationToken: cancellationToken);
        var token = await EmulatorTokens.IntegrationTokenAsync(server, cancellationToken);
        using var bare = EmulatorTokens.BareClient(server, token);
        await using var services = new ServiceCollection().AddDataverseClientFactory().Services.BuildServiceProvider();
        var client = services.GetRequiredService<DataverseClientFactory>().Create(
            new DataverseClientOptions { OrganizationUrl = server.BaseUri, AllowNonDynamicsHost = true }, new FixedTokenProvider(token));
        var query = new DataverseQuery { Select = EmulatorPagingScenario.Columns };

        await EmulatorPagingScenario.ReadAllAsync(bare, EmulatorPagingScenario.FirstPage, cancellationToken); // warm-up both paths
        await CountAsync(client, query, cancellationToken);
        var bareRates = new List<double>();
        var clientRates = new List<double>();
        long requests = 0;
        var rows = 0;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            var (bareRows, _) = await EmulatorPagingScenario.ReadAllAsync(bare, EmulatorPagingScenario.FirstPage, cancellationToken);
            bareRates.Add(bareRows / watch.Elapsed.TotalSeconds);

            var before = client.Calls.Snapshot();
            watch.Restart();
            rows = await CountAsync(client, query, cancellationToken);
            clientRates.Add(rows / watch.Elapsed.TotalSeconds);
            requests = client.Calls.Snapshot().Since(before).Requests;
        }
        var bareMedian = bareRates.Order().ElementAt(1);
        var clientMedian = clientRates.Order().ElementAt(1);
        return new Dictionary<string, object>
        {
            ["rows"] = rows,
            ["client_requests"] = requests,
            ["minimum_requests"] = (rows + 4999) / 5000,
            ["client_rows_per_second_median"] = Math.Round(clientMedian),
            ["bare_http_rows_per_second_median"] = Math.Round(bareMedian),
            ["client_share_of_bare"] = Math.Round(clientMedian / bareMedian, 3),
            ["target_share"] = 0.8,
        };
    }

    private static async Task<int> CountAsync(DataverseClient client, DataverseQuery query, CancellationToken cancellationToken)
    {
        var rows = 0;
        await foreach (var _ in client.QueryAsync("contacts", query, cancellationToken: cancellationToken)) rows++;
        return rows;
    }
}
