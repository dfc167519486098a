using System.Diagnostics;
using System.Text.Json;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Benchmarks.Scenarios;

/// <summary>
/// A delta read over the large world's 200,000 contacts after 1 % (2,000) of them changed (target: under 1 s).
/// The first tracked read and the changes are set-up; only the delta read is timed.
/// </summary>
public sealed class DeltaQueryScenario : IBenchmarkScenario
{
    public string Name => "delta-query";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(CancellationToken cancellationToken)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Size = "large" }, cancellationToken: cancellationToken);
        using var client = EmulatorTokens.BareClient(server, await EmulatorTokens.IntegrationTokenAsync(server, cancellationToken));
        client.DefaultRequestHeaders.Remove("Prefer");
        client.DefaultRequestHeaders.Add("Prefer", "odata.track-changes,odata.maxpagesize=5000");

        var (initialRows, _, deltaLink) = await ReadAsync(client, "contacts?$select=fullname,emailaddress1", cancellationToken);
        Change(server, 2000);
        var watch = Stopwatch.StartNew();
        var (changedRows, pages, _) = await ReadAsync(client, deltaLink!, cancellationToken);
        watch.Stop();

        return new Dictionary<string, object>
        {
            ["contacts"] = initialRows,
            ["changed"] = 2000,
            ["delta_rows"] = changedRows,
            ["delta_pages"] = pages,
            ["delta_seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 3),
            ["target_seconds"] = 1,
        };
    }

    private static void Change(EmulatorServer server, int count)
    {
        var org = server.Org;
        var table = org.Schema.GetTable("contact");
        var admin = server.World.Users[0];
        var caller = new Caller(admin.Id, server.World.BusinessUnitId);
        var rows = org.Store.Table("contact").InKeyOrder();
        var step = rows.Count / count;
        org.Store.Write(scope =>
        {
            for (var i = 0; i < count; i++)
            {
                org.Writer.Update(scope, table, rows[i * step], new Dictionary<string, object?> { ["jobtitle"] = "Changed " + i }, caller);
            }
            return 0;
        });
    }

    private static async Task<(int Rows, int Pages, string? DeltaLink)> ReadAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        var rows = 0;
        var pages = 0;
        string? next = url;
        string? delta = null;
        while (next is not null)
        {
            using var response = await client.GetAsync(next, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var page = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            rows += page.RootElement.GetProperty("value").GetArrayLength();
            pages++;
            next = page.RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            if (page.RootElement.TryGetProperty("@odata.deltaLink", out var d)) delta = d.GetString();
        }
        return (rows, pages, delta);
    }
}
