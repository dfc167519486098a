using SalesBridge.Benchmarks.Scenarios.Matching;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Matching;

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
    private const int Seed = 6;

    public string Name => "matching-quality";

    public string DataFolder { get; set; } = DefaultDataFolder;

    /// <summary>Where to write each people set's wrong decisions (<see cref="PeopleMisses"/>); none when null.</summary>
    public string? MissesFolder { get; set; }

    public Task<IReadOnlyDictionary<string, object>> RunAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, object>();
        var febrl = Path.Combine(DataFolder, "febrl3.csv");
        var fake = Path.Combine(DataFolder, "fake_1000.csv");
        if (File.Exists(febrl))
        {
            var rows = DevelopmentDataFiles.Febrl(febrl);
            result["febrl3"] = People(DedupFileSplit.Split("febrl3", rows, oneLeadPerPerson: false, Seed), oneToOne: false, cancellationToken);
            result["febrl3_one_lead_per_person"] = People(DedupFileSplit.Split("febrl3", rows, oneLeadPerPerson: true, Seed), oneToOne: true, cancellationToken);
        }
        else
        {
            result["febrl3"] = $"skipped: {febrl} not found";
        }

        if (File.Exists(fake))
        {
            var rows = DevelopmentDataFiles.Fake1000(fake);
            result["fake_1000"] = People(DedupFileSplit.Split("fake_1000", rows, oneLeadPerPerson: false, Seed), oneToOne: false, cancellationToken);
            result["fake_1000_completest_on_crm_side"] = People(
                DedupFileSplit.Split("fake_1000_completest_on_crm_side", rows, oneLeadPerPerson: false, Seed, completestOnCrmSide: true), oneToOne: false, cancellationToken);
            result["fake_1000_one_lead_per_person"] = People(DedupFileSplit.Split("fake_1000", rows, oneLeadPerPerson: true, Seed), oneToOne: true, cancellationToken);
        }
        else
        {
            result["fake_1000"] = $"skipped: {fake} not found";
        }

        var world = DemoWorldGenerator.Generate(DemoWorldSpec.Demo);
        result["demo_people"] = People(DemoWorldMatchSets.People(world), oneToOne: true, cancellationToken);
        var companies = DemoWorldMatchSets.Companies(world);
        var matcher = new CompanyMatcher();
        result["demo_companies"] = MatchQuality.Score(companies, matcher.Match(companies.Crm, companies.Leads, cancellationToken: cancellationToken),
            matcher.Candidates(companies.Crm, companies.Leads, cancellationToken), c => c.Id);
        return Task.FromResult<IReadOnlyDictionary<string, object>>(result);
    }

    private Dictionary<string, object> People(LabelledMatchSet<PersonRecord> set, bool oneToOne, CancellationToken cancellationToken)
    {
        var matcher = new PeopleMatcher(new MatchingOptions { OneToOne = oneToOne });
        var run = matcher.Match(set.Crm, set.Leads, cancellationToken: cancellationToken);
        var candidates = matcher.Candidates(set.Crm, set.Leads, cancellationToken);
        var scores = MatchQuality.Score(set, run, candidates, p => p.Id);
        scores["one_to_one"] = oneToOne;
        if (MissesFolder is not null)
        {
            Directory.CreateDirectory(MissesFolder);
            PeopleMisses.Write(Path.Combine(MissesFolder, $"{set.Name}{(oneToOne ? "-one-to-one" : "")}-misses.csv"), set, run, candidates);
        }

        return scores;
    }
}
