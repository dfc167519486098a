using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SalesBridge.Benchmarks.Scenarios.CrmImport;
using SalesBridge.Benchmarks.Scenarios.WriteBack;
using SalesBridge.CrmConnection;
using SalesBridge.CrmImport;
using SalesBridge.Persistence;
using SalesBridge.Web.Hosting;

namespace SalesBridge.Benchmarks.Scenarios.Cluster;

/// <summary>
/// Issue 10's proof on one machine: PostgreSQL, one emulator process serving 50 orgs, 50 contracts, three worker processes
/// and one web process on Quartz's clustered store, default cluster timings. For the run's length (10 minutes) scheduled
/// imports run every 5 minutes per contract while each contract's seat holder adds a note with <i>Copy to CRM</i> every
/// 10 s through the web node's API; half-way the worker running the most imports is killed with SIGKILL. Checked from the
/// database and the orgs: every contract imported on schedule, never two runs of one contract at once, the killed
/// worker's runs carried on by the others, every note in its org exactly once. Prints the figures and throughput per
/// worker; exits 1 when a check fails. Needs a PostgreSQL server (<c>SALESBRIDGE_POSTGRES</c>, else
/// <c>SALESBRIDGE_TEST_POSTGRES</c>); <c>SALESBRIDGE_PROOF_MINUTES</c> and <c>SALESBRIDGE_PROOF_ORGS</c> change the size.
/// </summary>
public sealed class ClusterProofScenario : IBenchmarkScenario
{
    private const int Workers = 3;
    /// <summary>Workers start within seconds, then the schedule's tick (30 s) starts whatever is due.</summary>
    private static readonly TimeSpan FirstRunWithin = TimeSpan.FromMinutes(2);
    /// <summary>The 5-minute interval, a 30 s tick, and a dead node's detection (7.5 s check-in + 30 s threshold) with margin.</summary>
    private static readonly TimeSpan GapAllowed = TimeSpan.FromMinutes(5) + TimeSpan.FromMinutes(2);
    private static readonly TimeSpan DrainWithin = TimeSpan.FromMinutes(5);

    public string Name => "cluster-proof";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(CancellationToken cancellationToken)
    {
        var server = Environment.GetEnvironmentVariable("SALESBRIDGE_POSTGRES") is { Length: > 0 } given ? given
            : Environment.GetEnvironmentVariable("SALESBRIDGE_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            return new Dictionary<string, object> { ["skipped"] = "Set SALESBRIDGE_POSTGRES to a PostgreSQL server's connection string (a database is created and dropped)." };
        }
        var minutes = double.TryParse(Environment.GetEnvironmentVariable("SALESBRIDGE_PROOF_MINUTES"), out var m) ? m : 10;
        var orgCount = int.TryParse(Environment.GetEnvironmentVariable("SALESBRIDGE_PROOF_ORGS"), out var o) ? o : 50;
        var duration = TimeSpan.FromMinutes(minutes);
        var orgs = Enumerable.Range(1, orgCount).Select(i => $"org{i:00}").ToList();

        var database = $"salesbridge_proof_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"", cancellationToken);
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 20 }.ConnectionString;
        var logs = Directory.CreateTempSubdirectory("salesbridge-cluster-proof-");
        var setupWatch = Stopwatch.StartNew();
        await using var emulator = await ChildEmulator.StartAsync("tiny", cancellationToken, orgs);
        var shared = NodeSettings(emulator, connectionString);

        // The benchmark's own node: web role (runs no jobs), used to set the contracts up and to read the results.
        await using var reader = SalesBridgeWebApp.Build([.. shared, "--Node:Role=Web", "--urls=http://127.0.0.1:0", "--Node:Name=proof-reader",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore=None", "--Logging:LogLevel:Microsoft.AspNetCore.DataProtection=Error"]);
        reader.Services.GetRequiredService<ServerCertificatePins>().Add(emulator.Certificate);
        await reader.StartAsync(cancellationToken);
        var contracts = new List<ProofContract>();
        foreach (var org in orgs) contracts.Add(await ProofContract.SetUpAsync(reader.Services, emulator, org, cancellationToken));
        var contractIds = contracts.Select(c => c.ContractId).ToList();
        setupWatch.Stop();

        var webPort = FreePort();
        var nodes = new List<SalesBridgeProcess>();
        var keepDatabase = false;
        try
        {
            var web = SalesBridgeProcess.Start("web", emulator, [.. shared, "--Node:Role=Web", $"--urls=http://127.0.0.1:{webPort}"], Path.Combine(logs.FullName, "web.log"));
            nodes.Add(web);
            var webUri = new Uri($"http://127.0.0.1:{webPort}/");
            await WaitReadyAsync(webUri, cancellationToken);
            var workers = Enumerable.Range(1, Workers)
                .Select(i => SalesBridgeProcess.Start($"worker-{i}", emulator,
                    [.. shared, "--Node:Role=Worker", "--urls=http://127.0.0.1:0", $"--Crm:NodesSharingOrgBudget={Workers}"],
                    Path.Combine(logs.FullName, $"worker-{i}.log"))).ToList();
            nodes.AddRange(workers);
            var clusterStart = DateTimeOffset.UtcNow;

            var load = new NoteLoad(webUri, reader.Services, contracts);
            using var loadStop = new CancellationTokenSource(duration);
            var loadTask = load.RunAsync(loadStop.Token);

            await Task.Delay(duration / 2, cancellationToken);
            var kill = await KillBusiestAsync(reader.Services, workers, contractIds, duration / 4, cancellationToken);
            using var watchStop = new CancellationTokenSource();
            var watching = WatchTakeoverAsync(reader.Services, kill, watchStop.Token);

            await loadTask;
            var loadEnd = DateTimeOffset.UtcNow;
            var drain = Stopwatch.StartNew();
            var (pending, running) = await OutstandingAsync(reader.Services, contractIds, cancellationToken);
            while ((pending > 0 || running > 0) && drain.Elapsed < DrainWithin)
            {
                await Task.Delay(1000, cancellationToken);
                (pending, running) = await OutstandingAsync(reader.Services, contractIds, cancellationToken);
            }
            drain.Stop();
            var end = DateTimeOffset.UtcNow;
            await watchStop.CancelAsync();
            var takeover = await watching;

            ProofRuns runs;
            await using (var scope = reader.Services.CreateAsyncScope())
            {
                runs = await ProofRuns.ReadAsync(scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>(), contractIds, cancellationToken);
            }
            var orgCheck = await CountInOrgsAsync(reader.Services, contracts, load, cancellationToken);
            var schedule = runs.Schedule(contractIds, clusterStart, loadEnd, FirstRunWithin, GapAllowed);
            var overlaps = runs.Overlaps(end);
            var failedRuns = runs.Runs.Count(r => r.Status is SyncRunStatus.Failed or SyncRunStatus.Interrupted);
            var noNotes = contracts.Count(c => load.NotesByContract.GetValueOrDefault(c.ContractId)?.IsEmpty ?? true);
            var passed = schedule.Late.Count == 0 && overlaps == 0 && orgCheck.Missing == 0 && orgCheck.Doubled == 0 && orgCheck.Extra == 0
                && pending == 0 && running == 0 && load.Refused == 0 && noNotes == 0 && kill.RunningOnVictim.Count == takeover.CarriedOn
                && !workers.Where(w => w != kill.Victim).Any(w => w.HasExited);

            // A failed proof keeps its database for a look at what stayed behind (the scheduler's rows included).
            keepDatabase = !passed;
            var stuck = pending > 0 ? await StuckWriteBacksAsync(connectionString, cancellationToken) : [];
            return new Dictionary<string, object>
            {
                ["passed"] = passed,
                ["database_kept"] = keepDatabase ? database : "", ["stuck_write_back_jobs"] = stuck,
                ["orgs"] = orgCount, ["contracts"] = contracts.Count, ["worker_processes"] = Workers, ["web_processes"] = 1,
                ["minutes"] = minutes, ["setup_seconds"] = Measure.Seconds(setupWatch),
                ["sync_interval_minutes"] = 5, ["notes_every_seconds_per_contract"] = NoteLoad.Every.TotalSeconds,
                ["import_runs"] = runs.Runs.Count, ["import_runs_by_status"] = runs.Runs.GroupBy(r => r.Status.ToString()).ToDictionary(g => g.Key, g => g.Count()),
                ["import_runs_failed_or_interrupted"] = failedRuns,
                // Which process had claimed each (none: opened by the schedule but never started by a worker).
                ["interrupted_runs"] = runs.Runs.Where(r => r.Status is SyncRunStatus.Failed or SyncRunStatus.Interrupted)
                    .Select(r => $"{r.Status} at second {Math.Round((r.StartedAt - clusterStart).TotalSeconds)}, claimed by {r.Node ?? "no worker"}").ToList(),
                ["contracts_on_schedule"] = schedule.OnSchedule, ["worst_first_run_after_start_seconds"] = schedule.WorstFirstStartSeconds,
                ["worst_gap_between_run_starts_seconds"] = schedule.WorstGapSeconds, ["gap_allowed_seconds"] = GapAllowed.TotalSeconds,
                ["runs_of_one_contract_overlapping"] = overlaps,
                ["kill"] = new Dictionary<string, object>
                {
                    ["victim"] = kill.Victim.Name, ["pid"] = kill.Victim.Id, ["at_second"] = Math.Round((kill.At - clusterStart).TotalSeconds, 1),
                    ["import_runs_running_on_it"] = kill.RunningOnVictim.Count, ["carried_on_by_others"] = takeover.CarriedOn,
                    ["seconds_until_carried_on"] = takeover.Seconds, ["write_back_items_pending_at_kill"] = kill.PendingItems,
                    ["seconds_until_those_items_written"] = takeover.PendingWrittenSeconds,
                    ["runs_carried_on"] = runs.Runs.Count(r => r.Notes?.Contains($"after {kill.Victim.Name} stopped", StringComparison.Ordinal) == true),
                },
                ["notes_added_through_api"] = load.NotesByContract.Values.Sum(n => n.Count), ["notes_refused"] = load.Refused,
                ["first_refusal"] = load.FirstRefusal ?? "", ["contracts_without_notes"] = noNotes,
                ["drain_seconds_after_load"] = Measure.Seconds(drain), ["still_pending"] = pending, ["still_running"] = running,
                ["org_check"] = orgCheck.Figures(),
                ["per_worker"] = runs.PerNode(workers, end),
                ["write_back_passes_by_web_or_unknown_node"] = runs.Passes.Count(p => workers.All(w => w.Name != p.Node)),
                ["logs"] = logs.FullName,
                ["rule"] = "passed = every contract's first run within 2 min of the workers' start and no wait between run starts over interval + 2 min; " +
                    "no two runs of one contract overlapping; every run on the killed worker carried on by another; every note in its org exactly once; " +
                    "nothing pending or running at the end; no note refused",
            };
        }
        finally
        {
            foreach (var node in nodes) node.Dispose();
            await reader.StopAsync(CancellationToken.None);
            NpgsqlConnection.ClearAllPools();
            if (!keepDatabase) await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", CancellationToken.None);
        }
    }

    private sealed record Kill(SalesBridgeProcess Victim, DateTimeOffset At, List<Guid> RunningOnVictim, List<Guid> PendingItemIds)
    {
        public int PendingItems => PendingItemIds.Count;
    }

    /// <summary>
    /// Kills (SIGKILL) the worker with the most import runs running, waiting up to <paramref name="atMost"/> (2 minutes at
    /// most) for a moment when one runs some (a kill between runs would prove less), else the first worker.
    /// </summary>
    private static async Task<Kill> KillBusiestAsync(IServiceProvider services, List<SalesBridgeProcess> workers, List<Guid> contracts, TimeSpan atMost,
        CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        var waiting = Stopwatch.StartNew();
        SalesBridgeProcess? victim = null;
        while (victim is null && waiting.Elapsed < TimeSpan.FromMinutes(Math.Min(2, atMost.TotalMinutes)))
        {
            var running = await db.SyncRuns.Where(r => contracts.Contains(r.ContractId) && r.Status == SyncRunStatus.Running && r.Node != null)
                .GroupBy(r => r.Node!).Select(g => new { Node = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).FirstOrDefaultAsync(cancellationToken);
            victim = workers.FirstOrDefault(w => w.Name == running?.Node);
            if (victim is null) await Task.Delay(100, cancellationToken);
        }
        victim ??= workers[0];
        victim.Kill();
        var at = DateTimeOffset.UtcNow;
        var runs = await db.SyncRuns.Where(r => r.Status == SyncRunStatus.Running && r.Node == victim.Name).Select(r => r.Id).ToListAsync(cancellationToken);
        var pending = await db.WriteBackItems.Where(i => contracts.Contains(i.ContractId) && i.Pending).Select(i => i.Id).ToListAsync(cancellationToken);
        return new Kill(victim, at, runs, pending);
    }

    private sealed record Takeover(int CarriedOn, double Seconds, double PendingWrittenSeconds);

    /// <summary>Watches the killed worker's runs until another node has claimed or ended each, and the items pending then until written.</summary>
    private static async Task<Takeover> WatchTakeoverAsync(IServiceProvider services, Kill kill, CancellationToken until)
    {
        var watch = Stopwatch.StartNew();
        double runsSeconds = 0, itemsSeconds = -1;
        var carried = 0;
        while (!until.IsCancellationRequested && (carried < kill.RunningOnVictim.Count || itemsSeconds < 0))
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
                var now = await db.SyncRuns.AsNoTracking().Where(r => kill.RunningOnVictim.Contains(r.Id))
                    .CountAsync(r => r.Node != kill.Victim.Name || r.Status != SyncRunStatus.Running, CancellationToken.None);
                if (now > carried) (carried, runsSeconds) = (now, watch.Elapsed.TotalSeconds);
                if (itemsSeconds < 0 && !await db.WriteBackItems.AnyAsync(i => kill.PendingItemIds.Contains(i.Id) && i.Pending, CancellationToken.None))
                    itemsSeconds = watch.Elapsed.TotalSeconds;
            }
            await Task.Delay(500, CancellationToken.None);
        }
        return new Takeover(carried, Math.Round(runsSeconds, 1), Math.Round(itemsSeconds, 1));
    }

    private static async Task<(int Pending, int Running)> OutstandingAsync(IServiceProvider services, List<Guid> contracts, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        return (await db.WriteBackItems.CountAsync(i => contracts.Contains(i.ContractId) && i.Pending, cancellationToken),
            await db.SyncRuns.CountAsync(r => contracts.Contains(r.ContractId) && r.Status == SyncRunStatus.Running, cancellationToken));
    }

    /// <summary>Every org queried plainly for its note activities, against the notes its contract's API calls created.</summary>
    private static async Task<OrgActivityCount> CountInOrgsAsync(IServiceProvider services, List<ProofContract> contracts, NoteLoad load, CancellationToken cancellationToken)
    {
        int expected = 0, activities = 0, missing = 0, doubled = 0, extra = 0;
        foreach (var contract in contracts)
        {
            await using var scope = services.CreateAsyncScope();
            var client = await scope.ServiceProvider.GetRequiredService<OrgClients>().ForContractAsync(contract.ContractId, cancellationToken);
            var count = await OrgActivityCount.CountAsync(client, [.. load.NotesByContract.GetValueOrDefault(contract.ContractId) ?? []], cancellationToken);
            (expected, activities, missing, doubled, extra) = (expected + count.Expected, activities + count.Activities, missing + count.Missing,
                doubled + count.Doubled, extra + count.Extra);
        }
        return new OrgActivityCount(expected, activities, missing, doubled, extra);
    }

    private static async Task WaitReadyAsync(Uri web, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = web, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                if ((await http.GetAsync("health/ready", cancellationToken)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(500, cancellationToken);
        }
        throw new InvalidOperationException("The web process did not become ready within 2 minutes; see its log.");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>For contracts with items still pending: their write-back job's triggers and fired-trigger rows in Quartz's tables.</summary>
    private static async Task<List<string>> StuckWriteBacksAsync(string connectionString, CancellationToken cancellationToken)
    {
        const string sql = """
            select i."ContractId"::text || ' ' || string_agg(distinct i."Status"::text || ':' || coalesce(i."Reason", '') || ':due=' || coalesce(i."DueAt"::text, ''), '|'), count(*),
              (select string_agg(t.trigger_name || ':' || t.trigger_state, ',') from qrtz_triggers t where t.job_name = replace(i."ContractId"::text, '-', '') and t.job_group = 'crm-write-back'),
              (select string_agg(f.instance_name || ':' || f.state, ',') from qrtz_fired_triggers f where f.job_name = replace(i."ContractId"::text, '-', '') and f.job_group = 'crm-write-back')
            from "WriteBackItems" i where i."Pending" group by i."ContractId"
            """;
        var rows = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add($"{reader.GetString(0)} pending={reader.GetInt64(1)} triggers=[{(reader.IsDBNull(2) ? "" : reader.GetString(2))}] fired=[{(reader.IsDBNull(3) ? "" : reader.GetString(3))}]");
        }
        return rows;
    }

    /// <summary>Settings every node of the proof shares: the database, the cluster, the emulator as the CRM and its sign-in.</summary>
    private static List<string> NodeSettings(ChildEmulator emulator, string connectionString) =>
    [
        "--Database:Provider=PostgreSql", $"--Database:ConnectionString={connectionString}", "--Scheduler:Clustered=true",
        "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:SalesBridge=Information",
        $"--Crm:AllowedExtraHosts:0={new Uri(emulator.Facts.Url).Host}", $"--Crm:EntraAuthorityHost={emulator.Facts.Url}",
        "--Crm:AllowNonEntraAuthority=true",
    ];

    private static async Task ExecuteAsync(string server, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
