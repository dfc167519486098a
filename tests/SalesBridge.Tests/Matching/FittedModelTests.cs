using SalesBridge.Matching;

namespace SalesBridge.Tests.Matching;

/// <summary>
/// A model one run learned, given to another (<see cref="MatchingOptions.Fitted"/>): what an import's delta run relies on
/// to score a few changed records against a few pre-selected candidates as the full run would.
/// </summary>
public sealed class FittedModelTests
{
    [Fact]
    public void Match_GivenTheModelItLearned_SameDecisionsWithoutEm()
    {
        var (leads, _) = DemoWorldRecords.People();
        var learned = new PeopleMatcher().Match(DemoWorldRecords.Contacts, leads);

        var reused = new PeopleMatcher(new MatchingOptions { Fitted = learned.Fitted }).Match(DemoWorldRecords.Contacts, leads);

        learned.Statistics.EmIterations.ShouldBeGreaterThan(0);
        reused.Statistics.EmIterations.ShouldBe(0);
        reused.Results.Select(r => (r.LeadId, r.CrmId, Math.Round(r.Score, 12)))
            .ShouldBe(learned.Results.Select(r => (r.LeadId, r.CrmId, Math.Round(r.Score, 12))));
    }

    [Fact]
    public void Match_FewLeadsAgainstFewCandidates_FittedModelScoresAsTheWholeRun()
    {
        var (leads, _) = DemoWorldRecords.People();
        var contacts = DemoWorldRecords.Contacts;
        var whole = new PeopleMatcher().Match(contacts, leads);
        var matched = whole.Results.Where(r => r.CrmId is not null).Take(40).ToList();
        // Each lead's contact and a crowd that shares its surname: what a delta run's pre-selection hands over.
        var wanted = matched.Select(r => r.CrmId!).ToHashSet();
        var surnames = contacts.Where(c => wanted.Contains(c.Id)).Select(c => c.LastName).ToHashSet();
        var candidates = contacts.Where(c => wanted.Contains(c.Id) || surnames.Contains(c.LastName)).Take(400).Concat(contacts.Where(c => wanted.Contains(c.Id)))
            .DistinctBy(c => c.Id).ToList();
        var few = matched.Select(r => leads.Single(l => l.Id == r.LeadId)).ToList();

        var fitted = new PeopleMatcher(new MatchingOptions { Fitted = whole.Fitted }).Match(candidates, few);
        var relearned = new PeopleMatcher().Match(candidates, few);

        fitted.Results.Select(r => (r.CrmId, Math.Round(r.Score, 9))).ShouldBe(matched.Select(r => (r.CrmId, Math.Round(r.Score, 9))));
        // Learning again from the few would score differently: the reuse is what keeps the decisions.
        relearned.Results.Select(r => Math.Round(r.Score, 9)).ShouldNotBe(matched.Select(r => Math.Round(r.Score, 9)));
    }

    [Fact]
    public void Match_ModelOfOtherFields_IgnoredAndLearnedAgain()
    {
        var (leads, _) = DemoWorldRecords.People();
        var peopleModel = new PeopleMatcher().Match(DemoWorldRecords.Contacts, leads.Take(500).ToList()).Fitted;
        var (crm, companies, _) = DemoWorldRecords.Companies();

        var plain = new CompanyMatcher().Match(crm, companies);
        var given = new CompanyMatcher(new MatchingOptions { Fitted = peopleModel }).Match(crm, companies);

        given.Statistics.EmIterations.ShouldBe(plain.Statistics.EmIterations);
        given.Statistics.EmIterations.ShouldBeGreaterThan(0);
        // Rounded: two runs on the same data sum their EM counts in parallel, so scores may differ in the last bits.
        given.Results.Select(r => (r.CrmId, Math.Round(r.Score, 12))).ShouldBe(plain.Results.Select(r => (r.CrmId, Math.Round(r.Score, 12))));
    }
}
