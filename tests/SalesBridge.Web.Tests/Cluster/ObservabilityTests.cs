using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Web.Tests.Infrastructure;
using SalesBridge.Web.Tests.WriteBack;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.Tests.Cluster;

/// <summary>B8, B9: health endpoints for load balancers and orchestrators, and metrics for Prometheus.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class ObservabilityTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Health_LiveAndReady_AnswerWithoutSignIn(string database)
    {
        var host = await fixture.HostAsync(database);
        using var client = host.CreateClient();

        var live = await client.GetAsync("health/live");
        var ready = await client.GetAsync("health/ready");

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await live.Content.ReadAsStringAsync()).ShouldBe("Healthy");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Ready_IsUnhealthyWhenTheDatabaseIsGone_LiveStaysUp()
    {
        await using var host = await WorkspaceHost.StartAsync(TestDatabases.Sqlite);
        using var client = host.CreateClient();
        (await client.GetAsync("health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Point the database at a folder that is not there: the process lives, the database check fails.
        var options = host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<SalesBridge.Persistence.SalesBridgeDbContext>>();
        var file = options.Extensions.OfType<Microsoft.EntityFrameworkCore.Infrastructure.RelationalOptionsExtension>().Single().ConnectionString!;
        var path = file["Data Source=".Length..];
        File.Move(path, path + ".gone");
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.CreateDirectory(path);  // a folder where the file was: SQLite cannot open it

            (await client.GetAsync("health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await client.GetAsync("health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            Directory.Delete(path);
            File.Move(path + ".gone", path);
        }
    }

    [Fact]
    public async Task Metrics_ShowWriteBackItemsAndCrmCallsPerContractAndOrg()
    {
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite);
        var (personId, _) = await org.MatchedPersonAsync();
        var noteId = await org.AddNoteAsync(personId);
        await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Written, "the note to be written");
        using var client = org.Host.CreateClient();

        var text = await client.GetStringAsync("metrics");

        var contract = $"contract=\"{org.ContractId:D}\"";
        Series(text, "salesbridge_writeback_items_total", contract, "outcome=\"completed\"").ShouldBeGreaterThanOrEqualTo(1);
        Series(text, "salesbridge_writeback_crm_requests_total", contract).ShouldBeGreaterThanOrEqualTo(1);
        Series(text, "salesbridge_crm_requests_total", $"org=\"{org.Import.Org.Emulator.BaseUri.Host}\"").ShouldBeGreaterThan(1);
    }

    /// <summary>The value of the one series of <paramref name="metric"/> carrying every label given (Prometheus text format).</summary>
    private static double Series(string text, string metric, params string[] labels)
    {
        var lines = text.Split('\n').Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && labels.All(l.Contains)).ToList();
        lines.Count.ShouldBe(1, $"one {metric} series with {string.Join(", ", labels)} in:\n{string.Join('\n', text.Split('\n').Where(l => l.StartsWith(metric, StringComparison.Ordinal)))}");
        return double.Parse(lines[0][(lines[0].LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
