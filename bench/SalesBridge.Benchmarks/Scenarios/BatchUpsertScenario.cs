using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SalesBridge.Emulator.Hosting;

namespace SalesBridge.Benchmarks.Scenarios;

/// <summary>
/// Sends one <c>$batch</c> of 1,000 upserts by alternate key (<c>PATCH accounts(accountnumber='...')</c>) over
/// loopback HTTP, once as one change set and once as 1,000 independent requests, and reports the seconds each
/// takes (target: under 1 s). Each shape runs three times (the first creates the rows, later runs update them).
/// </summary>
public sealed class BatchUpsertScenario : IBenchmarkScenario
{
    private const int Requests = 1000;
    private const string Boundary = "batch_bench";

    public string Name => "batch-upsert";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(CancellationToken cancellationToken)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Size = "tiny" }, cancellationToken: cancellationToken);
        using var client = EmulatorTokens.BareClient(server, await EmulatorTokens.IntegrationTokenAsync(server, cancellationToken));
        await SendAsync(client, Body("warmup", changeSet: true), cancellationToken);

        var result = new Dictionary<string, object> { ["requests"] = Requests, ["target_seconds"] = 1.0 };
        foreach (var changeSet in new[] { true, false })
        {
            var shape = changeSet ? "change_set" : "independent";
            var body = Body(shape, changeSet);
            var runs = new List<double>();
            var written = 0;
            for (var run = 0; run < 3; run++)
            {
                var watch = Stopwatch.StartNew();
                written = await SendAsync(client, body, cancellationToken);
                runs.Add(watch.Elapsed.TotalSeconds);
            }
            result[$"{shape}_seconds_first"] = Math.Round(runs[0], 3);
            result[$"{shape}_seconds_best"] = Math.Round(runs.Min(), 3);
            result[$"{shape}_rows_written"] = written;
        }
        result["accounts_in_org"] = server.Org.Store.Table("account").Count;
        result["peak_working_set_mb"] = Measure.Megabytes(Measure.PeakWorkingSet());
        return result;
    }

    private static string Body(string prefix, bool changeSet)
    {
        var text = new StringBuilder();
        var partBoundary = changeSet ? "changeset_bench" : Boundary;
        if (changeSet) text.Append($"--{Boundary}\r\nContent-Type: multipart/mixed; boundary={partBoundary}\r\n\r\n");
        for (var i = 0; i < Requests; i++)
        {
            text.Append($"--{partBoundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: {i + 1}\r\n\r\n");
            text.Append($"PATCH accounts(accountnumber='{prefix[..2]}-{i:D6}') HTTP/1.1\r\nContent-Type: application/json\r\n\r\n");
            text.Append($"{{\"name\":\"Bench {prefix} {i}\",\"telephone1\":\"+1 555 {i:D4}\",\"numberofemployees\":{i}}}\r\n");
        }
        if (changeSet) text.Append($"--{partBoundary}--\r\n");
        return text.Append($"--{Boundary}--\r\n").ToString();
    }

    /// <summary>Sends the batch and counts the 2xx parts (rows written).</summary>
    private static async Task<int> SendAsync(HttpClient client, string body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/mixed; boundary={Boundary}");
        using var response = await client.PostAsync("$batch", content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Batch failed: {(int)response.StatusCode} {text[..Math.Min(500, text.Length)]}");
        var written = 0;
        for (var at = text.IndexOf("HTTP/1.1 20", StringComparison.Ordinal); at >= 0; at = text.IndexOf("HTTP/1.1 20", at + 1, StringComparison.Ordinal)) written++;
        return written;
    }
}
