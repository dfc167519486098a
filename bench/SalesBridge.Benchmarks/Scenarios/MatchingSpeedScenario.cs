using System.Diagnostics;
using SalesBridge.Benchmarks.Scenarios.Matching;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Matching;

namespace SalesBridge.Benchmarks.Scenarios;

/// <summary>
/// People matching at scale: 20,000 workspace people of the Large world against 100,000 of its contacts as the CRM.
/// Target (issue 6): at least 10,000 leads/s on this machine; the whole Match call is timed, normalising and
/// indexing the CRM side included. Two figures: "cold" is the first full run in the process (a CLI run: much of the
/// code still at tier-0 JIT), "warm" the second (the web app, which matches again and again). Memory: peak working
/// set and the managed heap the run holds.
/// </summary>
public sealed class MatchingSpeedScenario : IBenchmarkScenario
{
    private const int CrmContacts = 100_000;
    private const int Leads = 20_000;

    public string Name => "matching-speed";

    public Task<IReadOnlyDictionary<string, object>> RunAsync(CancellationToken cancellationToken)
    {
        var world = DemoWorldGenerator.Generate(DemoWorldSpec.Large);
        var set = DemoWorldMatchSets.People(world, CrmContacts, Leads);
        world = null;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var matcher = new PeopleMatcher();

        // A warm-up on a slice so the timed run measures the engine, not the JIT.
        matcher.Match(set.Crm.Take(5_000).ToList(), set.Leads.Take(500).ToList(), cancellationToken: cancellationToken);
        var loadBefore = LoadAverage();
        var process = Process.GetCurrentProcess();
        var cpuCold = process.TotalProcessorTime;
        var cold = Stopwatch.StartNew();
        matcher.Match(set.Crm, set.Leads, cancellationToken: cancellationToken);
        cold.Stop();
        process.Refresh();
        var cpuWarm = process.TotalProcessorTime;
        cpuCold = cpuWarm - cpuCold;
        var stages = new StageClock();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var collectionsBefore = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        var pausedBefore = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        var run = matcher.Match(set.Crm, set.Leads, stages, cancellationToken);
        watch.Stop();
        process.Refresh();
        cpuWarm = process.TotalProcessorTime - cpuWarm;
        var allocatedWarm = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        var collectionsWarm = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]).ToArray();
        var pausedWarm = GC.GetTotalPauseDuration() - pausedBefore;
        var loadAfter = LoadAverage();
        var heldByRun = GC.GetTotalMemory(forceFullCollection: false) - before;
        var quality = MatchQuality.Score(set, run, matcher.Candidates(set.Crm, set.Leads, cancellationToken), p => p.Id);

        IReadOnlyDictionary<string, object> result = new Dictionary<string, object>
        {
            ["crm_contacts"] = set.Crm.Count,
            ["leads"] = set.Leads.Count,
            ["seconds_cold"] = Measure.Seconds(cold),
            ["leads_per_second_cold"] = Math.Round(set.Leads.Count / cold.Elapsed.TotalSeconds),
            ["seconds_warm"] = Measure.Seconds(watch),
            ["leads_per_second_warm"] = Math.Round(set.Leads.Count / watch.Elapsed.TotalSeconds),
            ["target_leads_per_second"] = 10_000,
            // CPU time of the process (all threads: workers, GC, background JIT): on a machine other work shares, it moves
            // far less than the wall clock, so settings can be compared by it; the load average says how shared it was.
            ["cpu_seconds_cold"] = Math.Round(cpuCold.TotalSeconds, 3),
            ["cpu_seconds_warm"] = Math.Round(cpuWarm.TotalSeconds, 3),
            ["load_average_before_after"] = $"{loadBefore} {loadAfter}",
            ["stage_end_seconds_warm"] = stages.Ends,
            ["candidate_pairs"] = run.Statistics.CandidatePairs,
            ["lead_pairs_compared"] = run.Statistics.LeadPairs,
            ["leads_filled_from_twins"] = run.Statistics.LeadsFilledFromTwins,
            ["candidates_per_lead"] = Math.Round(run.Statistics.CandidatePairs / (double)set.Leads.Count, 1),
            // What the warm run allocated and how many collections of each generation it caused: garbage costs the
            // comparison stage's threads their time as much as the comparisons do.
            ["allocated_mb_warm"] = Measure.Megabytes(allocatedWarm),
            ["collections_gen0_1_2_warm"] = string.Join(' ', collectionsWarm),
            ["gc_pause_seconds_warm"] = Math.Round(pausedWarm.TotalSeconds, 3),
            ["managed_heap_during_run_mb"] = Measure.Megabytes(heldByRun),
            ["peak_working_set_mb"] = Measure.Megabytes(Measure.PeakWorkingSet()),
            ["precision"] = quality["precision"],
            ["recall"] = quality["recall"],
            ["f1"] = quality["f1"],
            // Measured on the blocking keys' candidates (the timed runs do not keep the pairs they compared, which would
            // cost them a list per lead); matching-quality measures it on every pair compared.
            ["pair_completeness_blocking_keys"] = quality["pair_completeness"],
        };
        GC.KeepAlive(run);
        run = null;

        // The same people with three in ten on each side thinned to a name and a city, or a name alone: what searching
        // sparse records (PersonSparseSearch) costs where a CRM has many. Not the target's figure: the world's records
        // are whole.
        var sparse = new LabelledMatchSet<PersonRecord>("sparse", Thin(set.Crm), Thin(set.Leads), set.Truth);
        matcher.Match(sparse.Crm.Take(5_000).ToList(), sparse.Leads.Take(500).ToList(), cancellationToken: cancellationToken);
        var sparseStages = new StageClock();
        var sparseWatch = Stopwatch.StartNew();
        var sparseRun = matcher.Match(sparse.Crm, sparse.Leads, sparseStages, cancellationToken);
        sparseWatch.Stop();
        var sparseResult = new Dictionary<string, object>(result)
        {
            ["sparse_share"] = 0.3,
            ["seconds_sparse"] = Measure.Seconds(sparseWatch),
            ["leads_per_second_sparse"] = Math.Round(sparse.Leads.Count / sparseWatch.Elapsed.TotalSeconds),
            ["candidates_per_lead_sparse"] = Math.Round(sparseRun.Statistics.CandidatePairs / (double)sparse.Leads.Count, 1),
            ["stage_end_seconds_sparse"] = sparseStages.Ends,
            ["peak_working_set_mb"] = Measure.Megabytes(Measure.PeakWorkingSet()),
        };
        return Task.FromResult<IReadOnlyDictionary<string, object>>(sparseResult);
    }

    /// <summary>Three records in ten thinned: those at even positions keep a first name and city, the others a surname alone.</summary>
    private static List<PersonRecord> Thin(IReadOnlyList<PersonRecord> records) =>
        records.Select((p, i) => (i % 10) switch
        {
            < 3 when i % 2 == 0 => new PersonRecord(p.Id) { FirstName = p.FirstName, City = p.City },
            < 3 => new PersonRecord(p.Id) { LastName = p.LastName },
            _ => p,
        }).ToList();

    /// <summary>The 1-minute load average (Linux), or "?" elsewhere.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
        catch (UnauthorizedAccessException)
        {
            return "?";
        }
    }
}

/// <summary>When each stage of a run last reported, in seconds from the start: where the time goes.</summary>
internal sealed class StageClock : IProgress<MatchProgress>
{
    private readonly Stopwatch watch = Stopwatch.StartNew();

    public Dictionary<string, double> Ends { get; } = [];

    public void Report(MatchProgress value)
    {
        lock (Ends)
        {
            Ends[value.Stage] = Math.Round(watch.Elapsed.TotalSeconds, 3);
        }
    }
}
