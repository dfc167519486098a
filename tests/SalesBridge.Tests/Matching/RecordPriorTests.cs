using SalesBridge.CrmImport;
using SalesBridge.Matching;
using SalesBridge.Matching.Scoring;

namespace SalesBridge.Tests.Matching;

/// <summary>
/// A pair's probability weighed against "the lead has no record here" (<see cref="RecordPrior"/>) instead of against
/// "not this pair", and the share that prior rests on carried with a kept model.
/// </summary>
public sealed class RecordPriorTests
{
    private const double MatchShare = 1e-3;

    [Theory]
    [InlineData(-12)]
    [InlineData(0)]
    [InlineData(3.5)]
    [InlineData(20)]
    public void Probability_ShareUnknown_AsThePairTakenAlone(double bits) =>
        new RecordPrior(0, MatchShare).Probability(bits).ShouldBe(FellegiSunterModel.ToProbability(bits), 1e-12);

    [Fact]
    public void Probability_LeadsOftenHaveARecord_PairWeighedAgainstNoRecord()
    {
        // Even pair odds (0 bits): against "no record" at 1 − 0.3 the pair is 1 / (1 + 0.7 / 0.999) likely.
        new RecordPrior(0.3, MatchShare).Probability(0).ShouldBe(1 / (1 + (0.7 / 0.999)), 1e-12);
        new RecordPrior(0.3, MatchShare).Probability(-1).ShouldBeGreaterThan(FellegiSunterModel.ToProbability(-1));
    }

    [Fact]
    public void Probability_ShareAboveEvenOdds_CappedThere()
    {
        var capped = new RecordPrior(RecordPrior.MaxRecordShare, MatchShare);

        new RecordPrior(0.95, MatchShare).Probability(-2).ShouldBe(capped.Probability(-2), 1e-12);
        new RecordPrior(0.45, MatchShare).Probability(-2).ShouldBeLessThan(capped.Probability(-2));
    }

    [Theory]
    [InlineData(5000, 1)]
    [InlineData(-5000, 0)]
    public void Probability_OverwhelmingEvidence_NoOverflow(double bits, double expected) =>
        new RecordPrior(0.3, MatchShare).Probability(bits).ShouldBe(expected, 1e-12);

    [Fact]
    public void Match_PersonHeldTwiceInTheCrm_LeadStillMatched()
    {
        // Rivals are left to the assignment, not divided into each other's probability: a CRM holding one person twice
        // (the second time without a phone) must not leave that person's lead with two halves, neither above the threshold.
        var x = DemoWorldRecords.Contacts.First(c => c.Email is not null && c.Phone is not null && c.Company is not null);
        var crm = DemoWorldRecords.Contacts.Append(x with { Id = "again", Phone = null }).ToList();

        var result = new PeopleMatcher().Match(crm, [x with { Id = "lead" }]).Results.Single();

        result.CrmId.ShouldBe(x.Id);
        result.Explanation.RunnersUp[0].CrmId.ShouldBe("again");
        result.Explanation.RunnersUp[0].Score.ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void Match_FittedModelWithoutItsRecordShare_ScoresAsThePairTakenAlone()
    {
        // The same weights scoring the same pairs: with the whole run's share of leads that have a record, an uncertain
        // pair is more likely than when that share is unknown (a model kept before it was recorded).
        var (leads, _) = DemoWorldRecords.People();
        var fitted = new PeopleMatcher().Match(DemoWorldRecords.Contacts, leads).Fitted!;
        var few = leads.Take(300).ToList();

        var withShare = new PeopleMatcher(new MatchingOptions { Fitted = fitted, LinkLeadDuplicates = false }).Match(DemoWorldRecords.Contacts, few).Results;
        var unknown = new PeopleMatcher(new MatchingOptions { Fitted = fitted with { RecordShare = 0 }, LinkLeadDuplicates = false }).Match(DemoWorldRecords.Contacts, few).Results;

        var pairs = withShare.Zip(unknown).Where(p => p.First.Score is > 0.01 and < 0.99).ToList();
        pairs.ShouldNotBeEmpty();
        pairs.ShouldAllBe(p => p.First.Score > p.Second.Score);
    }

    [Fact]
    public void Fitted_RecordShareOfTheWholeRun_KeptThroughTheCheckpoint()
    {
        var (leads, _) = DemoWorldRecords.People();
        var fitted = new PeopleMatcher().Match(DemoWorldRecords.Contacts, leads).Fitted!;
        var checkpoint = new ReadCheckpoint { MatchModels = new MatchModels { People = fitted } };

        var kept = ReadCheckpoint.Parse(checkpoint.Serialize())!.MatchModels!.People!;

        fitted.RecordShare.ShouldBeInRange(0.5, 1);
        kept.RecordShare.ShouldBe(fitted.RecordShare);
    }
}
