using SalesBridge.Matching;

namespace SalesBridge.Tests.Matching;

/// <summary>
/// Leads that are one person among themselves ("twins"): they share a CRM record under the one-to-one rule and fill
/// each other's missing fields. The lead lists repeat 200 of the demo world's contacts twice each (one copy without
/// phone and job title), as a list with duplicates does, so the engine learns how alike twins are.
/// </summary>
public sealed class TwinLeadsTests
{
    private static readonly List<PersonRecord> Repeated = [.. DemoWorldRecords.Contacts.Where(c => c.Email is not null).Take(200)];

    private static readonly PersonRecord Contact = DemoWorldRecords.Contacts.Where(c => c.Email is not null).Skip(Repeated.Count)
        .First(c => c.Phone is not null && c.Company is not null && c.City is not null);

    private static List<PersonRecord> LeadsWith(params PersonRecord[] more) =>
    [
        .. Repeated.SelectMany(c => new[] { c with { Id = c.Id + "-a" }, c with { Id = c.Id + "-b", Phone = null, JobTitle = null } }),
        .. more,
    ];

    [Fact]
    public void Match_SparseLeadWithAFullTwin_MatchedWithTheTwinsFields()
    {
        // The CRM holds the contact without its email; the sparse lead has only that email and the city, its twin the lot.
        var crm = DemoWorldRecords.Contacts.Select(c => c.Id == Contact.Id ? c with { Email = null } : c).ToList();
        var sparse = new PersonRecord("sparse") { Email = Contact.Email, City = Contact.City };
        var leads = LeadsWith(sparse, Contact with { Id = "full" });

        var without = new PeopleMatcher(new MatchingOptions { LinkLeadDuplicates = false }).Match(crm, leads).Results;
        var with = new PeopleMatcher().Match(crm, leads).Results;

        without.Single(r => r.LeadId == "sparse").CrmId.ShouldBeNull();
        with.Single(r => r.LeadId == "full").CrmId.ShouldBe(Contact.Id);
        var result = with.Single(r => r.LeadId == "sparse");
        result.CrmId.ShouldBe(Contact.Id);
        result.Explanation.Summary.ShouldContain("taken from lead full");
        var lastName = result.Explanation.Evidence.Single(e => e.Field == "LastName");
        (lastName.LeadValue, lastName.Agreement).ShouldBe((Contact.LastName, FieldAgreement.Exact));
    }

    [Fact]
    public void Match_LeadWithNoCandidateOfItsOwn_FoundThroughItsTwin()
    {
        // A private address the CRM does not hold and a city: no CRM record shares a key with it that leads anywhere.
        // Its twin has the same address and everything else, so the two are found by their own blocking keys.
        const string privateAddress = "zz81@privatemail.example";
        var sparse = new PersonRecord("sparse") { Email = privateAddress, City = Contact.City };
        var leads = LeadsWith(sparse, Contact with { Id = "full", Email = privateAddress });

        var without = new PeopleMatcher(new MatchingOptions { LinkLeadDuplicates = false }).Match(DemoWorldRecords.Contacts, leads).Results;
        var with = new PeopleMatcher().Match(DemoWorldRecords.Contacts, leads).Results;

        without.Single(r => r.LeadId == "sparse").Score.ShouldBeLessThan(0.5);
        var result = with.Single(r => r.LeadId == "sparse");
        result.CrmId.ShouldBe(Contact.Id);
        result.Explanation.Summary.ShouldContain("taken from lead full");
    }

    [Fact]
    public void Match_RecordMetThroughATwin_CountedAsComparedPair()
    {
        // As above: blocking never proposes the contact for the sparse lead; its twin's match does, and that pair is
        // compared, so pair completeness and the reduction ratio must count it.
        const string privateAddress = "zz81@privatemail.example";
        var sparse = new PersonRecord("sparse") { Email = privateAddress, City = Contact.City };
        var leads = LeadsWith(sparse, Contact with { Id = "full", Email = privateAddress });
        var sparseAt = leads.Count - 2;

        var without = new PeopleMatcher(new MatchingOptions { LinkLeadDuplicates = false, KeepComparedPairs = true }).Match(DemoWorldRecords.Contacts, leads);
        var with = new PeopleMatcher(new MatchingOptions { KeepComparedPairs = true }).Match(DemoWorldRecords.Contacts, leads);

        without.Compared![sparseAt].ShouldNotContain(Contact.Id);
        with.Compared![sparseAt].ShouldContain(Contact.Id);
        with.Compared[sparseAt].ShouldBeUnique();
        with.Statistics.CandidatePairs.ShouldBe(with.Compared.Sum(ids => (long)ids.Count));
        without.Statistics.CandidatePairs.ShouldBe(without.Compared.Sum(ids => (long)ids.Count));
        new PeopleMatcher().Match(DemoWorldRecords.Contacts, leads).Compared.ShouldBeNull();
    }

    [Fact]
    public void Match_LeadWithNothingToFill_ComparedWithTheRecordItsTwinMatches()
    {
        // Both leads hold the same fields (nothing to fill), the same private address and phone: twins. The full one
        // matches the contact by name; the other has its names mistyped past every blocking key, so only its twin's
        // match brings the contact to it (the CRM holds the contact without the phone, which would otherwise meet).
        const string privateAddress = "zz81@privatemail.example";
        var contact = Contact with { Phone = null };
        var crm = DemoWorldRecords.Contacts.Select(c => c.Id == Contact.Id ? contact : c).ToList();
        var full = Contact with { Id = "full", Email = privateAddress };
        var garbled = full with { Id = "garbled", FirstName = "Qzx", LastName = "Vwk" };
        var leads = LeadsWith(garbled, full);
        var garbledAt = leads.Count - 2;

        var without = new PeopleMatcher(new MatchingOptions { LinkLeadDuplicates = false, KeepComparedPairs = true }).Match(crm, leads);
        var with = new PeopleMatcher(new MatchingOptions { KeepComparedPairs = true }).Match(crm, leads);

        with.Results[^1].CrmId.ShouldBe(Contact.Id);
        without.Compared![garbledAt].ShouldNotContain(Contact.Id);
        with.Compared![garbledAt].ShouldContain(Contact.Id);
    }

    [Fact]
    public void Match_SparseLeadWhoseTwinHasAnotherFirstName_KeptOffTheRecord()
    {
        // Alone, surname and city tie the sparse lead to the contact; its twin shows it is another person of that name.
        var sparse = new PersonRecord("sparse") { LastName = Contact.LastName, City = Contact.City };
        var twin = sparse with { Id = "twin", FirstName = "Zebulon", Email = $"zebulon.{Contact.LastName!.ToLowerInvariant()}@example.org" };
        var leads = LeadsWith(sparse, twin);

        var without = new PeopleMatcher(new MatchingOptions { LinkLeadDuplicates = false }).Match(DemoWorldRecords.Contacts, leads).Results;
        var with = new PeopleMatcher().Match(DemoWorldRecords.Contacts, leads).Results;

        without.Single(r => r.LeadId == "sparse").CrmId.ShouldBe(Contact.Id);
        with.Single(r => r.LeadId == "sparse").CrmId.ShouldBeNull();
        with.Single(r => r.LeadId == "twin").CrmId.ShouldBeNull();
    }

    [Fact]
    public void Match_LeadsOfOnePerson_ShareTheContactUnderOneToOne_OthersDoNot()
    {
        var results = new PeopleMatcher().Match(DemoWorldRecords.Contacts, LeadsWith()).Results;
        var withoutTwins = new PeopleMatcher(new MatchingOptions { LinkLeadDuplicates = false }).Match(DemoWorldRecords.Contacts, LeadsWith()).Results;

        foreach (var contact in Repeated)
        {
            results.Where(r => r.LeadId.StartsWith(contact.Id, StringComparison.Ordinal)).ShouldAllBe(r => r.CrmId == contact.Id);
        }

        // Without twins the one-to-one rule gives each contact to one of its two leads at most.
        foreach (var contact in Repeated)
        {
            withoutTwins.Count(r => r.LeadId.StartsWith(contact.Id, StringComparison.Ordinal) && r.CrmId == contact.Id).ShouldBeLessThanOrEqualTo(1);
        }
    }
}
