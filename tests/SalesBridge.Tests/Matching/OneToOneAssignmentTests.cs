using SalesBridge.Matching.Assignment;

namespace SalesBridge.Tests.Matching;

public sealed class OneToOneAssignmentTests
{
    [Fact]
    public void Assign_BestPairFirst_LoserFallsBackToItsNextCandidate()
    {
        List<ScoredPair> pairs = [new(0, 0, 0.9, 5), new(1, 0, 0.99, 6), new(0, 1, 0.8, 4)];

        var crmOfLead = OneToOneAssignment.Assign(pairs, leadCount: 2, crmCount: 2, oneToOne: true);

        crmOfLead.ShouldBe([1, 0]);
    }

    [Fact]
    public void Assign_TwoLeadsEqualForOneRecord_SameOutcomeWhateverTheOrderOfPairs()
    {
        // Leads 0 and 1 score the same for record 0; each has another candidate just below.
        ScoredPair[] pairs = [new(0, 0, 0.9, 5), new(1, 0, 0.9, 5), new(0, 1, 0.7, 3), new(1, 2, 0.7, 3)];
        var outcomes = new HashSet<string>();
        for (var seed = 0; seed < 20; seed++)
        {
            var shuffled = pairs.ToArray();
            new Random(seed).Shuffle(shuffled);
            outcomes.Add(string.Join(',', OneToOneAssignment.Assign([.. shuffled], leadCount: 2, crmCount: 3, oneToOne: true)));
        }

        outcomes.ShouldBe(["0,2"]);
    }

    [Fact]
    public void Assign_LeadWithTwoEqualCandidates_LeftUnmatched() =>
        OneToOneAssignment.Assign([new(0, 0, 0.9, 5), new(0, 1, 0.9, 5)], leadCount: 1, crmCount: 2, oneToOne: true).ShouldBe([-1]);

    [Fact]
    public void Assign_TwinsShareARecord_AnotherPersonDoesNot()
    {
        // Leads 0 and 1 are one person (group 0); lead 2 is someone else who also reaches record 0.
        List<ScoredPair> pairs = [new(0, 0, 0.99, 6), new(1, 0, 0.9, 5), new(2, 0, 0.95, 5), new(2, 1, 0.6, 3)];

        var crmOfLead = OneToOneAssignment.Assign(pairs, leadCount: 3, crmCount: 2, oneToOne: true, group: [0, 0, 2]);

        crmOfLead.ShouldBe([0, 0, 1]);
    }

    [Fact]
    public void Assign_NoGroups_TwinsDoNotShare() =>
        OneToOneAssignment.Assign([new(0, 0, 0.99, 6), new(1, 0, 0.9, 5)], leadCount: 2, crmCount: 1, oneToOne: true).ShouldBe([0, -1]);
}
