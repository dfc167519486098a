using System.Diagnostics;
using System.Text.Json;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Benchmarks.Scenarios;

/// <summary>
/// Change tracking on the large world: a tracked read of all 200,000 contacts for the delta link, then 2,000 of them
/// changed (1,900 updated, 100 deleted, through the store), then the delta read timed over loopback HTTP
/// (target: under 1 s). Reports the first delta after the writes (it pays for re-sorting the table) and a repeat.
/// </summary>
public sealed class DeltaQueryScenario : IBenchmarkScenario
{
    private const int Updated = 1900;
    private const int Deleted = 100;
    private const int PageSize = 1000;
    private const string Query = "contacts?$select=fullname,emailaddress1,jobtitle,_parentcustomerid_value";

    public string Name => "delta-query";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(CancellationToken cancellationToken)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Size = "large" }, cancellationToken: cancellationToken);
        using var client = await ClientAsync(server, cancellationToken);

        var initialWatch = Stopwatch.StartNew();
        var initial = await ReadAllAsync(client, Query, cancellationToken);
        initialWatch.Stop();
        ChangeContacts(server);

        var first = Stopwatch.StartNew();
        var delta = await ReadAllAsync(client, initial.DeltaLink, cancellationToken);
        first.Stop();
        var repeat = Stopwatch.StartNew();
        var again = await ReadAllAsync(client, initial.DeltaLink, cancellationToken);
        repeat.Stop();

        return new Dictionary<string, object>
        {
            ["contacts"] = initial.Rows,
            ["initial_read_seconds"] = Measure.Seconds(initialWatch),
            ["changed"] = Updated + Deleted,
            ["delta_rows"] = delta.Rows,
            ["delta_deleted"] = delta.Deleted,
            ["delta_pages"] = delta.Pages,
            ["page_size"] = PageSize,
            ["delta_seconds"] = Measure.Seconds(first),
            ["delta_repeat_seconds"] = Measure.Seconds(repeat),
            ["delta_repeat_matches"] = again.Rows == delta.Rows && again.Deleted == delta.Deleted,
            ["target_seconds"] = 1,
            ["peak_working_set_mb"] = Measure.Megabytes(Measure.PeakWorkingSet()),
        };
    }

    // Setup goes through the store: timing 2,000 HTTP writes is not what this scenario measures.
    private static void ChangeContacts(EmulatorServer server)
    {
        var store = server.Org.Store;
        var contacts = store.Table("contact").InKeyOrder();
        var now = server.Org.Time.GetUtcNow();
        store.Write(scope =>
        {
            for (var i = 0; i < Updated + Deleted; i++)
            {
                var row = contacts[i * (contacts.Count / (Updated + Deleted))];
                if (i < Updated) scope.Put(row.With(new Dictionary<string, object?> { ["jobtitle"] = $"Changed {i}", ["modifiedon"] = now }, scope.NextVersion()));
                else scope.Remove(row, now);
            }
            return 0;
        });
    }

    private sealed record Read(int Rows, int Deleted, int Pages, string DeltaLink);

    private static async Task<Read> ReadAllAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        int rows = 0, deleted = 0, pages = 0;
        string? next = url, deltaLink = null;
        while (next is not null)
        {
            using var response = await client.GetAsync(next, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var page = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            foreach (var value in page.RootElement.GetProperty("value").EnumerateArray())
            {
                if (value.TryGetProperty("reason", out _)) deleted++;
                else rows++;
            }
            pages++;
            next = page.RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            if (page.RootElement.TryGetProperty("@odata.deltaLink", out var delta)) deltaLink = delta.GetString();
        }
        return new Read(rows, deleted, pages, deltaLink ?? throw new InvalidOperationException("The last page had no @odata.deltaLink."));
    }

    private static async Task<HttpClient> ClientAsync(EmulatorServer server, CancellationToken cancellationToken)
    {
        var client = EmulatorTokens.BareClient(server, await EmulatorTokens.IntegrationTokenAsync(server, cancellationToken));
        client.DefaultRequestHeaders.Remove("Prefer");
        client.DefaultRequestHeaders.Add("Prefer", $"odata.track-changes,odata.maxpagesize={PageSize}");
        return client;
    }
}
