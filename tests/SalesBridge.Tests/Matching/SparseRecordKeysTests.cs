using SalesBridge.Matching;
using SalesBridge.Matching.Blocking;
using SalesBridge.Matching.People;

namespace SalesBridge.Tests.Matching;

/// <summary>Held and sought keys: how a CRM record holding a single name is reached without its namesakes.</summary>
public sealed class SparseRecordKeysTests
{
    [Fact]
    public void Build_HeldAndSoughtKeys_FoundOnlyByASoughtLookup()
    {
        var held = BlockingKey.Held('z', "J520");
        var sought = BlockingKey.Sought('z', "J520");
        var index = BlockingIndex.Build([[held], [sought]]);
        var found = new List<int>();

        index.Collect([sought], new int[2], new float[2], 1, keepShare: 0, found);
        found.ShouldBe([0]);

        // A held key is never looked up, and a sought one never indexed: record 1 holds nothing.
        found.Clear();
        index.Collect([held], new int[2], new float[2], 2, keepShare: 0, found);
        found.ShouldBeEmpty();
        index.BlockCount.ShouldBe(1);
    }

    [Fact]
    public void Collect_RecordReachedBySoughtKey_WeighsLessThanOneSharingASymmetricKey()
    {
        var email = BlockingKey.Of('m', "jane@acme.com");
        var city = BlockingKey.Of('c', "J520", "leed");
        var index = BlockingIndex.Build([[email], [BlockingKey.Held('z', "J520")], [city]]);
        var found = new List<int>();

        // Blocks of one each: the symmetric keys weigh 1, the sought key half of that.
        index.Collect([email, city, BlockingKey.Sought('z', "J520")], new int[3], new float[3], 1, keepShare: 0.75, found);
        found.Order().ShouldBe([0, 2]);

        found.Clear();
        index.Collect([email, city, BlockingKey.Sought('z', "J520")], new int[3], new float[3], 2, keepShare: 0, found);
        found.Order().ShouldBe([0, 1, 2]);
    }

    [Theory]
    [InlineData("", "Jnes", "Isaac", "Jones")]
    [InlineData("Oliver", "", "Ollie", "Hughes")]
    [InlineData("Jnes", "", "Isaac", "Jones")]
    [InlineData("", "Isaac", "Jones", "Isaac")]
    public void Add_RecordWithOneName_HoldsAKeyThatAFullRecordSeeks(string sparseFirst, string sparseLast, string first, string last)
    {
        var sparse = Keys(new PersonRecord("crm") { FirstName = sparseFirst, LastName = sparseLast });
        var full = Keys(new PersonRecord("lead") { FirstName = first, LastName = last, City = "Belfast" });

        var held = sparse.Where(k => (k & BlockingKey.HeldBit) != 0).ToList();
        held.Count.ShouldBe(1);
        full.ShouldContain(held[0] & ~BlockingKey.HeldBit | BlockingKey.SoughtBit);
    }

    [Fact]
    public void Add_RecordWithNoNameButACity_HoldsAKeyThatALeadInTheCitySeeks()
    {
        var sparse = Keys(new PersonRecord("crm") { City = "Southend-on-Sea" });
        var lead = Keys(new PersonRecord("lead") { FirstName = "Lola", LastName = "King", City = "Southena-on-Sed" });

        var held = sparse.Where(k => (k & BlockingKey.HeldBit) != 0).ToList();
        held.Count.ShouldBe(1);
        lead.ShouldContain(held[0] & ~BlockingKey.HeldBit | BlockingKey.SoughtBit);
    }

    [Theory]
    [InlineData("Mary", "Jones", "Leeds")]
    [InlineData("", "", "")]
    public void Add_RecordWithBothNamesOrNothingAtAll_HoldsNoSparseKey(string first, string last, string city) =>
        Keys(new PersonRecord("crm") { FirstName = first, LastName = last, City = city })
            .ShouldNotContain(k => (k & BlockingKey.HeldBit) != 0);

    [Fact]
    public void Match_CrmRecordHoldingOnlyAMisspeltSurname_ComparedWithTheLeadButNotItsNamesakes()
    {
        // Forty full Joneses, one per town, and one contact that is only "Jnes": a key on the surname's sound alone would
        // be a block of 41 (dropped); the sparse contact holds a key none of the full ones does.
        var crm = Enumerable.Range(0, 40)
            .Select(i => new PersonRecord($"jones{i}") { FirstName = $"Name{(char)('a' + (i % 26))}{(char)('a' + (i / 26))}", LastName = "Jones", City = $"Town{(char)('a' + (i % 26))}{(char)('a' + (i / 26))}" })
            .Append(new PersonRecord("sparse") { LastName = "Jnes" })
            .ToList();
        var lead = new PersonRecord("lead") { FirstName = "Isaac", LastName = "Jones", Email = "isaac.jones54@bradford.net", City = "Belfast" };

        var run = new PeopleMatcher(new MatchingOptions { KeepComparedPairs = true }).Match(crm, [lead]);

        run.Compared![0].ShouldBe(["sparse"]);
    }

    [Fact]
    public void CrmSide_BuildsNoSoughtKeys_AndHoldsTheSame()
    {
        // A CRM record is never looked up with: without seeking, its sought keys are not built, the rest unchanged.
        var record = NormalisedPerson.From(new PersonRecord("a") { LastName = "Jnes", City = "Belfast", Email = "j@x.org" });
        var crm = new List<ulong>();
        PersonBlockingKeys.Add(record, seeking: false, crm);
        var lead = Keys(new PersonRecord("a") { LastName = "Jnes", City = "Belfast", Email = "j@x.org" });

        lead.ShouldContain(k => (k & BlockingKey.SoughtBit) != 0);
        crm.ShouldNotContain(k => (k & BlockingKey.SoughtBit) != 0);
        crm.ShouldBe(lead.Where(k => (k & BlockingKey.SoughtBit) == 0), ignoreOrder: true);
    }

    private static List<ulong> Keys(PersonRecord record)
    {
        var keys = new List<ulong>();
        PersonBlockingKeys.Add(NormalisedPerson.From(record), seeking: true, keys);
        return keys;
    }
}
