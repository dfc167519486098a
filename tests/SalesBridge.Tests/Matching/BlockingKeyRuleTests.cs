using SalesBridge.Matching;
using SalesBridge.Matching.Blocking;
using SalesBridge.Matching.People;

namespace SalesBridge.Tests.Matching;

public sealed class BlockingKeyRuleTests
{
    [Fact]
    public void Add_FirstNameAndCityBothMisspelt_ShareALooseKey()
    {
        // The first name's first three letters moved too: where they agree, the name-start key (strict) also meets.
        var lead = Keys(new PersonRecord("a") { FirstName = "Tehodore", City = "Birmingma" }, loose: true);
        var crm = Keys(new PersonRecord("b") { FirstName = "Theodore", LastName = "Marshall", City = "Birmingham" }, loose: true);
        var shared = lead.Intersect(crm).ToList();
        shared.ShouldNotBeEmpty();
        shared.ShouldAllBe(k => (k & BlockingKey.LooseBit) != 0);
    }

    [Fact]
    public void Add_BothNamesMisspeltInitialsAndCityIntact_ShareOnlyALooseKey()
    {
        // Two initials in one city are a crowd in a big CRM: the key must be loose so big blocks fall away.
        var lead = Keys(new PersonRecord("a") { FirstName = "Mxry", LastName = "Joxes", City = "Leeds" }, loose: true);
        var crm = Keys(new PersonRecord("b") { FirstName = "Mary", LastName = "Jones", City = "Leeds" }, loose: true);
        var shared = lead.Intersect(crm).ToList();
        shared.ShouldNotBeEmpty();
        shared.ShouldAllBe(k => (k & BlockingKey.LooseBit) != 0);
    }

    [Fact]
    public void Add_CityMisspeltInItsFirstLetters_SurnameAndCitySoundShared() =>
        SharedStrictKeys(new PersonRecord("a") { FirstName = "Mary", LastName = "Jones", City = "Loondon" },
            new PersonRecord("b") { FirstName = "Peter", LastName = "Jones", City = "London" }).ShouldBeGreaterThan(0);

    [Theory]
    [InlineData("samuelcampbell35@hebe3r.com", "samuelcampbel35@hebert.com")]
    [InlineData("lolat86@bishop-gilees.com", "glolat86@bishop-giles.com")]
    [InlineData("f.j@shrarp.com", "f.j@sharp.com")]
    [InlineData("j.c@wwhite.org", "j.c@white.org")]
    [InlineData("m.w@cannon.com", "m@w.cannon.com")]
    [InlineData("oliverjones82bond.biz", "oliverjones82@bond.biz")]
    public void Add_EmailsWithSlips_ShareAKey(string a, string b) =>
        SharedStrictKeys(new PersonRecord("a") { Email = a }, new PersonRecord("b") { Email = b }).ShouldBeGreaterThan(0);

    [Theory]
    [InlineData("tElliot", "PaPge", "Lonon", "Elliot", "Page", "London")]
    [InlineData("oiVlet", "Clakr", "London", "Violet", "Clark", "")]
    [InlineData("Freya", "", "noLdon", "Shah", "Freya", "London")]
    public void Add_NamesWithLettersDoubledDroppedOrMoved_ShareAStrictKey(string first, string last, string city, string crmFirst, string crmLast, string crmCity) =>
        SharedStrictKeys(Person(first, last, city), Person(crmFirst, crmLast, crmCity)).ShouldBeGreaterThan(0);

    /// <summary>
    /// febrl4's hardest kind of duplicate: the first name replaced, a slip late in the surname that changes its Soundex
    /// and one late in the city (or the names swapped as well), so only the names' and the city's first letters agree.
    /// </summary>
    [Theory]
    [InlineData("Tayla", "Donalfson", "Newomb", "Nicholas", "Donaldson", "Newcomb")]
    [InlineData("Hayley", "Morrion", "Sprin Gwood", "Rosie", "Morrison", "Springwood")]
    [InlineData("Mihal", "Hannsh", "Nyal West", "Hannah", "Mihal", "Nyah West")]
    public void Add_SlipsLateInSurnameAndCity_ShareANameStartKey(string first, string last, string city, string crmFirst, string crmLast, string crmCity) =>
        SharedStrictKeys(Person(first, last, city), Person(crmFirst, crmLast, crmCity)).ShouldBeGreaterThan(0);

    [Fact]
    public void Add_DifferentPeopleOneCity_ShareNoStrictKey() =>
        SharedStrictKeys(new PersonRecord("a") { FirstName = "Mary", LastName = "Jones", City = "London", Email = "mary.jones@acme.com" },
            new PersonRecord("b") { FirstName = "Peter", LastName = "Smith", City = "London", Email = "psmith@globex.com" }).ShouldBe(0);

    private static PersonRecord Person(string first, string last, string city) => new("p") { FirstName = first, LastName = last, City = city };

    /// <summary>Keys both records have, leaving out the loose single-field keys (they only count in small blocks).</summary>
    private static int SharedStrictKeys(PersonRecord a, PersonRecord b) => Keys(a).Intersect(Keys(b)).Count();

    /// <summary>The record's symmetric keys: held and sought ones (for sparse records, SparseRecordKeysTests) meet only each other.</summary>
    private static HashSet<ulong> Keys(PersonRecord record, bool loose = false)
    {
        var keys = new List<ulong>();
        PersonBlockingKeys.Add(NormalisedPerson.From(record), seeking: true, keys);
        return keys.Where(k => (k & BlockingKey.SideBits) == 0 && (loose || (k & BlockingKey.LooseBit) == 0)).ToHashSet();
    }
}
