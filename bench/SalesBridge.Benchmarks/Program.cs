using System.CommandLine;
using System.Text.Json;
using SalesBridge.Benchmarks.Scenarios;
using SalesBridge.Benchmarks.Scenarios.Cluster;
using SalesBridge.Benchmarks.Scenarios.CrmImport;
using SalesBridge.Benchmarks.Scenarios.WriteBack;

// Runs the named scenarios (all when none is named) and prints one JSON object per scenario.
// "emulator-host <size> <folder> [org...]" is the child process of crm-import, the write-back scenarios and cluster-proof:
// it serves the org(s) and is not a scenario.
if (args is [ChildEmulator.Verb, var childSize, var childFolder, .. var moreOrgs])
{
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    return await ChildEmulator.ServeAsync(childSize, childFolder, moreOrgs, stop.Token);
}

var matchingQuality = new MatchingQualityScenario();
IBenchmarkScenario[] scenarios =
[
    new WorldGenerationScenario(), new EmulatorPagingScenario(), new BatchUpsertScenario(), new DeltaQueryScenario(), new ClientReadScenario(), new ClientWriteScenario(),
    new ClientThrottledScenario(), new SavedLeadsApiScenario(), matchingQuality, new MatchingSpeedScenario(), new CrmImportScenario(),
    new WriteBackLatencyScenario(), new WriteBackThroughputScenario(), new WriteBackChaosScenario(), new ClusterProofScenario(),
];

var names = new Argument<string[]>("scenario")
{
    Description = $"Scenarios to run: {string.Join(", ", scenarios.Select(s => s.Name))}. Default: all.",
    Arity = ArgumentArity.ZeroOrMore,
};
var matchingData = new Option<string>("--matching-data")
{
    Description = $"Folder with febrl3.csv and fake_1000.csv for matching-quality. Default: {MatchingQualityScenario.DefaultDataFolder}.",
    DefaultValueFactory = _ => MatchingQualityScenario.DefaultDataFolder,
};
var misses = new Option<string?>("--misses")
{
    Description = "Folder to write each people set's wrong decisions to as CSV (matching-quality), for tuning.",
};
var seed = new Option<int>("--seed")
{
    Description = $"Seed of the leads-vs-CRM split matching-quality reports on (and writes misses for). Default: {MatchingQualityScenario.DefaultSeed}, the one in docs/benchmarks.md.",
    DefaultValueFactory = _ => MatchingQualityScenario.DefaultSeed,
};
var root = new RootCommand("SalesBridge scenario benchmarks; prints JSON.") { names, matchingData, misses, seed };
root.SetAction(async (parse, cancellationToken) =>
{
    var wanted = parse.GetValue(names) ?? [];
    var failed = false;
    matchingQuality.DataFolder = parse.GetValue(matchingData) ?? MatchingQualityScenario.DefaultDataFolder;
    matchingQuality.MissesFolder = parse.GetValue(misses);
    matchingQuality.Seed = parse.GetValue(seed);
    var unknown = wanted.Except(scenarios.Select(s => s.Name)).ToArray();
    if (unknown.Length > 0)
    {
        Console.Error.WriteLine($"Unknown scenario(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", scenarios.Select(s => s.Name))}.");
        return 2;
    }
    foreach (var scenario in scenarios.Where(s => wanted.Length == 0 || wanted.Contains(s.Name)))
    {
        var result = new Dictionary<string, object> { ["scenario"] = scenario.Name, ["machine_cores"] = Environment.ProcessorCount };
        foreach (var (key, value) in await scenario.RunAsync(cancellationToken)) result[key] = value;
        Console.WriteLine(JsonSerializer.Serialize(result));
        // A scenario that checks a property (write-back-chaos) says whether it held; the exit code carries it to scripts.
        if (result.TryGetValue("passed", out var passed) && passed is false) failed = true;
    }
    return failed ? 1 : 0;
});
return await root.Parse(args).InvokeAsync();
