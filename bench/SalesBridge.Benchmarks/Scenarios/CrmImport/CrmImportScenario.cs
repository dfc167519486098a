using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.CrmConnection;
using SalesBridge.CrmImport;
using SalesBridge.Dataverse;
using SalesBridge.Persistence;
using SalesBridge.Web.Hosting;

namespace SalesBridge.Benchmarks.Scenarios.CrmImport;

/// <summary>
/// Issue 8's speed: the first full import of the large world (about 500 seats, 100,000 open opportunities, 60,000
/// accounts, 200,000 contacts) into SQLite, against the emulator in its own process with its service-protection limits
/// on; then 1% of the rows changed through the Web API and a delta run. Reports times, CRM requests against the
/// fewest the rows need, 429s, peak memory of the SalesBridge process, and a check of the saved items against plain
/// queries of the org (missing / extra / duplicated).
/// </summary>
public sealed class CrmImportScenario : IBenchmarkScenario
{
    private const int Seats = 500;
    private const int PageSize = 5_000;

    public string Name => "crm-import";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(CancellationToken cancellationToken)
    {
        await using var org = await ChildEmulator.StartAsync("large", cancellationToken);
        var folder = Directory.CreateTempSubdirectory("salesbridge-bench-");
        try
        {
            var host = new Uri(org.Facts.Url);
            await using var app = SalesBridgeWebApp.Build(
            [
                "--urls=http://127.0.0.1:0", "--Demo:Enabled=false", "--Database:Provider=Sqlite", $"--Database:DataDirectory={folder.FullName}",
                "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:SalesBridge.CrmImport=Information", "--CrmHealth:MonitorEnabled=false", "--CrmImport:ScheduleEnabled=false",
                $"--Crm:AllowedExtraHosts:0={host.Host}", $"--Crm:EntraAuthorityHost={host}", "--Crm:AllowNonEntraAuthority=true",
            ]);
            app.Services.GetRequiredService<ServerCertificatePins>().Add(org.Certificate);
            await app.StartAsync(cancellationToken);
            var contractId = await ImportWorkspace.CreateContractAsync(app.Services, org, Seats, cancellationToken);
            var client = await ClientAsync(app.Services, contractId, cancellationToken);
            var rows = await CountRowsAsync(client, cancellationToken);

            var first = await RunAsync(app.Services, contractId, client, cancellationToken);
            var peakAfterFirst = Measure.PeakWorkingSet();
            var firstCheck = await CheckAsync(app.Services, client, contractId, cancellationToken);

            var changed = await ChangeOnePercentAsync(client, rows, cancellationToken);
            var delta = await RunAsync(app.Services, contractId, client, cancellationToken);
            var deltaCheck = await CheckAsync(app.Services, client, contractId, cancellationToken);
            await app.StopAsync(cancellationToken);

            // The fewest requests the rows need: a page per 5,000 rows of each table, the users, the stakeholder role.
            var minimum = rows.Values.Sum(count => (count + PageSize - 1) / PageSize) + 2;
            return new Dictionary<string, object>
            {
                ["database"] = "sqlite",
                ["rows"] = rows,
                ["first"] = first.Figures,
                ["first_minimum_requests"] = minimum,
                ["first_requests_over_minimum"] = Math.Round((double)first.Run.Counts.CrmRequests / minimum - 1, 3),
                ["first_check"] = firstCheck,
                ["peak_working_set_mb_after_first"] = Measure.Megabytes(peakAfterFirst),
                ["changed_rows"] = changed,
                ["delta"] = delta.Figures,
                ["delta_time_share"] = Math.Round(delta.Seconds / first.Seconds, 4),
                ["delta_request_share"] = Math.Round((double)delta.Run.Counts.CrmRequests / first.Run.Counts.CrmRequests, 4),
                ["delta_check"] = deltaCheck,
                ["peak_working_set_mb"] = Measure.Megabytes(Measure.PeakWorkingSet()),
                ["targets"] = "first <= 60 s, requests within 10% of the minimum, < 1 GB; delta <= 5% of first time and requests; no 429 unhandled, nothing lost or duplicated",
            };
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(SyncRunSummary Run, double Seconds, Dictionary<string, object> Figures)> RunAsync(IServiceProvider services, Guid contractId,
        DataverseClient client, CancellationToken cancellationToken)
    {
        var throttled = client.Calls.Throttled;
        var watch = Stopwatch.StartNew();
        SyncRunSummary run;
        await using (var scope = services.CreateAsyncScope())
        {
            var started = await scope.ServiceProvider.GetRequiredService<StartSyncRun>().StartAsync(contractId, SyncTrigger.SyncNow, null, cancellationToken);
            run = await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(started.Id, cancellationToken);
        }
        watch.Stop();
        var figures = new Dictionary<string, object>
        {
            ["status"] = run.Status.ToString(), ["mode"] = run.Mode.ToString(), ["seconds"] = Measure.Seconds(watch),
            ["crm_requests"] = run.Counts.CrmRequests, ["throttled_429"] = client.Calls.Throttled - throttled, ["counts"] = run.Counts,
        };
        if (run.FailureMessage is not null) figures["failure"] = run.FailureMessage;
        return (run, watch.Elapsed.TotalSeconds, figures);
    }

    private static async Task<Dictionary<string, object>> CheckAsync(IServiceProvider services, DataverseClient client, Guid contractId, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        var (missing, extra, duplicated) = await ImportExpectation.CompareAsync(client, db, contractId, cancellationToken);
        var saved = await db.SavedLeads.CountAsync(l => l.ContractId == contractId, cancellationToken)
            + await db.SavedAccounts.CountAsync(a => a.ContractId == contractId, cancellationToken);
        return new Dictionary<string, object> { ["saved_items"] = saved, ["missing"] = missing, ["extra"] = extra, ["duplicated"] = duplicated };
    }

    private static async Task<DataverseClient> ClientAsync(IServiceProvider services, Guid contractId, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrgClients>().ForContractAsync(contractId, cancellationToken);
    }

    private static async Task<Dictionary<string, int>> CountRowsAsync(DataverseClient client, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, int>();
        foreach (var table in new[] { "opportunities", "connections", "accounts", "contacts" })
        {
            var count = 0;
            await foreach (var _ in client.QueryAsync(table, new DataverseQuery { Select = [table == "opportunities" ? "opportunityid" : table == "connections" ? "connectionid" : table[..^1] + "id"] },
                cancellationToken: cancellationToken)) count++;
            rows[table] = count;
        }
        return rows;
    }

    /// <summary>1% of opportunities (a third closed, a third moved a stage, a third to another owner), accounts (renamed) and contacts (new title).</summary>
    private static async Task<Dictionary<string, int>> ChangeOnePercentAsync(DataverseClient client, Dictionary<string, int> rows, CancellationToken cancellationToken)
    {
        var opportunities = await IdsAsync(client, "opportunities", "opportunityid", ODataFilter.Eq("statecode", 0), rows["opportunities"] / 100, cancellationToken);
        var owners = new List<Guid>();
        await foreach (var row in client.QueryAsync("opportunities", new DataverseQuery { Select = ["_ownerid_value"], Top = 50 }, cancellationToken: cancellationToken))
            owners.Add(Guid.Parse(row["_ownerid_value"]!.GetValue<string>()));
        var opportunityChanges = opportunities.Select((id, i) => (EntityKey.Id(id), (i % 3) switch
        {
            0 => new JsonObject { ["statecode"] = 2, ["statuscode"] = 4 },
            1 => new JsonObject { ["salesstage"] = 3 },
            _ => new JsonObject { ["ownerid@odata.bind"] = $"/systemusers({owners[i % owners.Count]})" },
        })).ToList();
        var accounts = await IdsAsync(client, "accounts", "accountid", null, rows["accounts"] / 100, cancellationToken);
        var contacts = await IdsAsync(client, "contacts", "contactid", null, rows["contacts"] / 100, cancellationToken);
        await client.UpsertManyAsync("opportunities", opportunityChanges, cancellationToken: cancellationToken);
        await client.UpsertManyAsync("accounts", accounts.Select((id, i) => (EntityKey.Id(id), new JsonObject { ["telephone1"] = $"+49 30 5550{i:D4}" })).ToList(),
            cancellationToken: cancellationToken);
        await client.UpsertManyAsync("contacts", contacts.Select((id, i) => (EntityKey.Id(id), new JsonObject { ["jobtitle"] = $"Changed title {i}" })).ToList(),
            cancellationToken: cancellationToken);
        return new Dictionary<string, int> { ["opportunities"] = opportunities.Count, ["accounts"] = accounts.Count, ["contacts"] = contacts.Count };
    }

    /// <summary>Every 100th id of a table (spread over it), <paramref name="count"/> at most.</summary>
    private static async Task<List<Guid>> IdsAsync(DataverseClient client, string table, string idColumn, FilterExpression? filter, int count, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        var seen = 0;
        await foreach (var row in client.QueryAsync(table, new DataverseQuery { Select = [idColumn], Filter = filter }, cancellationToken: cancellationToken))
        {
            if (seen++ % 100 == 0 && ids.Count < count) ids.Add(Guid.Parse(row[idColumn]!.GetValue<string>()));
        }
        return ids;
    }
}
