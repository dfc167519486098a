using SalesBridge.Matching;

namespace SalesBridge.Tests.Matching;

public sealed class PeopleMatcherTests
{
    [Fact]
    public void Match_DemoWorld_PrecisionAndRecallAboveFloor()
    {
        var (leads, truth) = DemoWorldRecords.People();
        var run = new PeopleMatcher().Match(DemoWorldRecords.Contacts, leads);

        var (precision, recall) = DemoWorldRecords.Quality(run, truth);
        precision.ShouldBeGreaterThanOrEqualTo(0.98);
        recall.ShouldBeGreaterThanOrEqualTo(0.9);
        run.Results.Count.ShouldBe(leads.Count);
        run.Statistics.ReductionRatio.ShouldBeGreaterThan(0.99);
        run.Statistics.Weights.ShouldNotBeEmpty();
    }

    [Fact]
    public void Match_RecordSharingTheEmail_NamesakesInTheCityPrunedUnlessKeepShareZero()
    {
        // Twenty other Janes in Leeds share only crowded keys with the lead; its own record shares the email as well.
        var crm = Enumerable.Range(0, 20)
            .Select(i => new PersonRecord($"c{i}") { FirstName = "Jane", LastName = $"Other{(char)('a' + i)}son", City = "Leeds", Email = $"j{i}@example{i}.org" })
            .Append(new PersonRecord("own") { FirstName = "Jane", LastName = "Doe", City = "Leeds", Email = "jane.doe@acme.com" })
            .ToList();
        var lead = new PersonRecord("lead") { FirstName = "Jane", LastName = "Doe", City = "Leeds", Email = "jane.doe@acme.com" };

        var pruned = new PeopleMatcher().Match(crm, [lead]);
        var all = new PeopleMatcher(new MatchingOptions { CandidateKeepShare = 0 }).Match(crm, [lead]);

        pruned.Results.Single().CrmId.ShouldBe("own");
        all.Results.Single().CrmId.ShouldBe("own");
        pruned.Statistics.CandidatePairs.ShouldBe(1);
        all.Statistics.CandidatePairs.ShouldBe(21);
    }

    [Fact]
    public void Match_NicknameAndMissingEmail_MatchedWithExplanation()
    {
        var contact = DemoWorldRecords.Contacts.First(c => c.FirstName == "Robert" && c.Email is not null);
        var lead = new PersonRecord("lead-1") { FirstName = "Bob", LastName = contact.LastName, Company = contact.Company, City = contact.City, Country = contact.Country };

        var result = new PeopleMatcher().Match(DemoWorldRecords.Contacts, [lead]).Results.Single();

        result.CrmId.ShouldBe(contact.Id);
        var explanation = result.Explanation;
        explanation.Score.ShouldBe(result.Score);
        explanation.Threshold.ShouldBe(0.5);
        explanation.Evidence.Select(e => e.Field).ShouldBe(["FirstName", "LastName", "Email", "Company", "JobTitle", "Phone", "City", "State", "Country"]);
        var first = explanation.Evidence.Single(e => e.Field == "FirstName");
        (first.LeadValue, first.CrmValue, first.Agreement).ShouldBe(("Bob", "Robert", FieldAgreement.Close));
        first.Weight.ShouldBeGreaterThan(0);
        explanation.Summary.ShouldStartWith($"Matched to CRM contact {contact.Id}");

        // The three fields that added most, strongest first, as the evidence itself ranks them.
        var strongest = explanation.Evidence.Where(e => e.Weight > 0).OrderByDescending(e => e.Weight).Take(3)
            .Select(e => $"{e.Field switch { "FirstName" => "first name", "LastName" => "last name", "JobTitle" => "job title", _ => e.Field.ToLowerInvariant() }} {e.Agreement.ToString().ToLowerInvariant()}");
        explanation.Summary.ShouldEndWith($": {string.Join(", ", strongest)}.");
    }

    [Fact]
    public void Match_MissingFields_CountZeroNeverDisagreement()
    {
        var contact = DemoWorldRecords.Contacts.First(c => c.Email is not null && c.JobTitle is not null && c.Phone is not null);
        var lead = new PersonRecord("lead-1") { FirstName = contact.FirstName, LastName = contact.LastName, City = contact.City };

        var result = new PeopleMatcher().Match(DemoWorldRecords.Contacts, [lead]).Results.Single();

        foreach (var field in new[] { "Email", "Company", "JobTitle", "Phone", "State", "Country" })
        {
            var evidence = result.Explanation.Evidence.Single(e => e.Field == field);
            evidence.Agreement.ShouldBe(FieldAgreement.Missing);
            evidence.Weight.ShouldBe(0);
        }
    }

    [Fact]
    public void Match_CommonCity_WeighsLessThanARareOne()
    {
        // Half the CRM in one city: agreeing on it says less than agreeing on a town only one contact lives in.
        static string Letters(int i) => $"{(char)('a' + (i % 26))}{(char)('a' + (i / 26))}";
        var crm = Enumerable.Range(0, 200).Select(i => new PersonRecord($"c{i}")
        {
            FirstName = "Ann" + Letters(i), LastName = "Lee" + Letters(i), City = i < 100 ? "London" : "Town" + Letters(i),
        }).ToList();
        PersonRecord[] leads = [crm[5] with { Id = "in-london" }, crm[150] with { Id = "in-town" }];

        var results = new PeopleMatcher().Match(crm, leads).Results;

        double CityWeight(int lead) => results[lead].Explanation.Evidence.Single(e => e.Field == "City").Weight;
        results[0].Explanation.Evidence.Single(e => e.Field == "City").Agreement.ShouldBe(FieldAgreement.Exact);
        CityWeight(0).ShouldBeLessThan(CityWeight(1) - 1);
    }

    [Fact]
    public void Match_TwoLeadsWantOneContact_OnlyTheStrongerGetsIt()
    {
        var contact = DemoWorldRecords.Contacts.First(c => c.Email is not null && c.Phone is not null);
        var strong = contact with { Id = "strong" };
        var weak = new PersonRecord("weak") { FirstName = contact.FirstName, LastName = contact.LastName, City = contact.City };

        // Twins off: the two leads are one person by every field they share, which would let them share the contact.
        var results = new PeopleMatcher(new MatchingOptions { LinkLeadDuplicates = false }).Match(DemoWorldRecords.Contacts, [weak, strong]).Results;

        results[1].CrmId.ShouldBe(contact.Id);
        results[0].CrmId.ShouldBeNull();
        results[0].Explanation.Summary.ShouldContain("is tied to lead strong");
    }

    [Fact]
    public void Match_BestCandidateTakenByAStrongerLead_LeadGetsItsNextOneAboveTheThreshold()
    {
        // Y is X's duplicate without email and phone. The strong lead is X exactly; the weak one shares X's phone, so X is
        // its best and Y its next. With no runners-up listed, Y is kept for the weak lead only because it reached the
        // threshold: the assignment may hand it over when X goes to the stronger pair.
        var x = DemoWorldRecords.Contacts.First(c => c.Email is not null && c.Phone is not null && c.Company is not null);
        var y = x with { Id = "y", Email = null, Phone = null };
        var strong = x with { Id = "strong" };
        var weak = new PersonRecord("weak") { FirstName = x.FirstName, LastName = x.LastName, Company = x.Company, City = x.City, Country = x.Country, Phone = x.Phone };

        var results = new PeopleMatcher(new MatchingOptions { RunnersUp = 0, LinkLeadDuplicates = false }).Match([.. DemoWorldRecords.Contacts, y], [weak, strong]).Results;

        results[1].CrmId.ShouldBe(x.Id);
        results[0].CrmId.ShouldBe("y");
        results[0].Explanation.Summary.ShouldStartWith("Matched to CRM contact y");
        results[0].Explanation.RunnersUp.ShouldBeEmpty();
    }

    [Fact]
    public void Match_SeveralCandidates_RunnersUpAreTheNextBestInOrder()
    {
        var x = DemoWorldRecords.Contacts.First(c => c.Email is not null && c.Phone is not null && c.Company is not null);
        var lead = x with { Id = "lead" };
        var crm = DemoWorldRecords.Contacts.Append(x with { Id = "no-phone", Phone = null }).Append(x with { Id = "no-email-or-phone", Email = null, Phone = null }).ToList();

        var explanation = new PeopleMatcher(new MatchingOptions { RunnersUp = 2 }).Match(crm, [lead]).Results.Single().Explanation;

        explanation.RunnersUp.Select(r => r.CrmId).ShouldBe(["no-phone", "no-email-or-phone"]);
        explanation.RunnersUp[0].Score.ShouldBeGreaterThanOrEqualTo(explanation.RunnersUp[1].Score);
        explanation.Score.ShouldBeGreaterThanOrEqualTo(explanation.RunnersUp[0].Score);
    }

    [Fact]
    public void Match_ManyToOneAllowed_BothLeadsGetTheContact()
    {
        var contact = DemoWorldRecords.Contacts.First(c => c.Email is not null && c.Phone is not null);
        var results = new PeopleMatcher(new MatchingOptions { OneToOne = false })
            .Match(DemoWorldRecords.Contacts, [contact with { Id = "a" }, contact with { Id = "b" }]).Results;

        results.ShouldAllBe(r => r.CrmId == contact.Id);
    }

    [Fact]
    public void Match_ThresholdAboveEveryScore_NoMatchAndSaysWhy()
    {
        var contact = DemoWorldRecords.Contacts.First(c => c.FirstName is { Length: > 0 });
        var lead = new PersonRecord("lead-1") { FirstName = contact.FirstName, LastName = contact.LastName };

        var result = new PeopleMatcher(new MatchingOptions { Threshold = 1.0000001 }).Match(DemoWorldRecords.Contacts, [lead]).Results.Single();

        result.CrmId.ShouldBeNull();
        result.Score.ShouldBeGreaterThan(0);
        result.Explanation.Summary.ShouldContain("below the threshold");
    }

    [Fact]
    public void Match_NoSharedBlockingKey_NoCandidateExplained()
    {
        var lead = new PersonRecord("lead-1") { FirstName = "Zyxwv", LastName = "Qqqqqq", City = "Nowhere-upon-Nothing" };

        var result = new PeopleMatcher().Match(DemoWorldRecords.Contacts, [lead]).Results.Single();

        (result.CrmId, result.Score).ShouldBe((null, 0));
        result.Explanation.Evidence.ShouldBeEmpty();
        result.Explanation.Summary.ShouldContain("no CRM contact shares a blocking key");
    }

    [Fact]
    public void Match_EmptyInputs_NoResults()
    {
        new PeopleMatcher().Match([], []).Results.ShouldBeEmpty();
        new PeopleMatcher().Match([], [new PersonRecord("x") { FirstName = "A" }]).Results.Single().CrmId.ShouldBeNull();
    }

    [Fact]
    public void Match_Progress_ReportsStages()
    {
        var stages = new List<string>();
        var (leads, _) = DemoWorldRecords.People();
        new PeopleMatcher().Match(DemoWorldRecords.Contacts, leads.Take(50).ToList(), new SynchronousProgress(p => { lock (stages) stages.Add(p.Stage); }));
        stages.ShouldContain("compare");
        stages.ShouldContain("assign");
    }

    private sealed class SynchronousProgress(Action<MatchProgress> report) : IProgress<MatchProgress>
    {
        public void Report(MatchProgress value) => report(value);
    }
}
