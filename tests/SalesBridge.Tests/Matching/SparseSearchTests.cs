using SalesBridge.Matching;
using SalesBridge.Matching.People;

namespace SalesBridge.Tests.Matching;

/// <summary>
/// The search for sparse people (<see cref="PersonSparseSearch"/>): a record holding one name or a name and a city, which
/// no blocking key reaches, is compared with the closest values' holders on the other side, and only while they are few.
/// </summary>
public sealed class SparseSearchTests
{
    [Fact]
    public void SurnameAloneWithASlip_ComparedWithTheClosestSurnamesHolders()
    {
        // "Harppe" sounds unlike "Harper" (H610, H616) and holds nothing else: no key reaches the full record.
        var crm = Town(40).Append(new PersonRecord("harper") { FirstName = "Charlotte", LastName = "Harper", City = "Plymouth", Email = "charper@miller.biz" }).ToList();

        Compared(crm, new PersonRecord("lead") { LastName = "Harppe" }).ShouldBe(["harper"]);
    }

    [Fact]
    public void FirstNameAndCity_SameLettersButOne_ComparedAcrossFields()
    {
        // "Forcnee" is three edits from the surname "Florence" but holds the same letters less one.
        var crm = Town(40).Append(new PersonRecord("florence") { FirstName = "Wilson", LastName = "Florence", Email = "florencewilson@byrd.com" }).ToList();

        Compared(crm, new PersonRecord("lead") { FirstName = "Forcnee", City = "Plymouth" }).ShouldContain("florence");
    }

    [Fact]
    public void SparseCrmRecord_SlipThatChangesTheSound_ReachedByAFullLead()
    {
        // "Lonan" (L550) and "Logan" (L250): the sparse record's held key and the lead's sought one differ.
        var crm = Town(40).Append(new PersonRecord("lonan") { FirstName = "Lonan", City = "Saford" }).ToList();

        Compared(crm, new PersonRecord("lead") { FirstName = "Webb", LastName = "Logan", Email = "l.webb66@smith.com", City = "Salford" })
            .ShouldContain("lonan");
    }

    [Fact]
    public void OneNameAndNothingElse_ComparedWithThatNamesHolders_TwoFieldsOnlyWithSlips()
    {
        // Twelve Olivers: more than the first name's loose key keeps in a CRM this small, fewer than a block.
        var olivers = Enumerable.Range(0, 12).Select(i => new PersonRecord($"oliver{i}") { FirstName = "Oliver", LastName = $"Surname{(char)('a' + i)}x", Email = $"o{i}@x{i}.org" }).ToList();
        var crm = Town(40).Concat(olivers).ToList();

        Compared(crm, new PersonRecord("lead") { FirstName = "Oliver" }).Order().ShouldBe(olivers.Select(p => p.Id).Order());

        // With a city as well, keys joining the name and the city reach its namesakes there; the search adds none.
        Compared(crm, new PersonRecord("lead") { FirstName = "Oliver", City = "Nowhere" }).ShouldBeEmpty();
    }

    [Fact]
    public void FoundByOneField_ContradictingTheOther_NotCompared()
    {
        // Both Davises hold the surname closest to "Dviis"; the one in another city is no likelier than anyone. The
        // Stockton record's city is one slip off ("StSockton"), so no surname-and-city key joins it: the search must.
        var crm = Town(40)
            .Append(new PersonRecord("stockton") { FirstName = "Lottie", LastName = "Davis", City = "StSockton-on-Tees", Email = "lottie.d7@morgan-pierce.com" })
            .Append(new PersonRecord("bristol") { FirstName = "Mary", LastName = "Davis", City = "Bristol", Email = "mary.davis@fox.org" })
            .ToList();

        Compared(crm, new PersonRecord("lead") { LastName = "Dviis", City = "Stockton-on-Tees" }).ShouldBe(["stockton"]);
    }

    [Fact]
    public void ClosestValuesHeldByMoreThanABlock_NotCompared()
    {
        // Thirty-one Harpers: a search result that large says no more than a dropped block.
        var crm = Enumerable.Range(0, 31)
            .Select(i => new PersonRecord($"harper{i}") { FirstName = $"Name{(char)('a' + (i % 26))}{(char)('a' + (i / 26))}", LastName = "Harper", City = $"Town{(char)('a' + (i % 26))}{(char)('a' + (i / 26))}" })
            .ToList();

        Compared(crm, new PersonRecord("lead") { LastName = "Harppe" }).ShouldBeEmpty();
    }

    [Fact]
    public void WholeRecordsOnBothSides_NoSearch()
    {
        var crm = Town(5).Select(p => NormalisedPerson.From(p)).ToArray();
        var leads = new[] { NormalisedPerson.From(new PersonRecord("lead") { FirstName = "Ann", LastName = "Lee", City = "Leeds" }) };

        PersonSparseSearch.Find(crm, leads).ShouldBeNull();
    }

    private static IReadOnlyList<string> Compared(List<PersonRecord> crm, PersonRecord lead) =>
        new PeopleMatcher(new MatchingOptions { KeepComparedPairs = true }).Match(crm, [lead]).Compared![0];

    /// <summary>Whole records, none near the names and cities above.</summary>
    private static IEnumerable<PersonRecord> Town(int count) => Enumerable.Range(0, count).Select(i => new PersonRecord($"p{i}")
    {
        FirstName = $"Qu{(char)('a' + (i % 26))}{(char)('a' + (i / 26))}n",
        LastName = $"Zy{(char)('a' + (i % 26))}{(char)('a' + (i / 26))}k",
        City = $"Vi{(char)('a' + (i % 26))}{(char)('a' + (i / 26))}lle",
        Email = $"q{i}@zed{i}.org",
    });
}
