using SalesBridge.Matching;
using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.People;

namespace SalesBridge.Tests.Matching;

public sealed class ComparisonTests
{
    [Fact]
    public void JaroWinkler_KnownPair_MatchesTextbookValue() =>
        JaroWinkler.Similarity("martha", "marhta").ShouldBe(0.961, 0.001);

    [Theory]
    [InlineData(4, 12)] // few letters: many repeats, so which free position a character takes matters
    [InlineData(26, 30)]
    [InlineData(26, 64)] // the longest strings the bit-parallel path takes
    [InlineData(26, 90)] // beyond it: the scanning path
    public void JaroWinkler_RandomStrings_SameAsTextbookDefinition(int letters, int maxLength)
    {
        var random = new Random(letters * 1000 + maxLength);
        string Text() => new([.. Enumerable.Range(0, random.Next(1, maxLength + 1)).Select(_ => (char)('a' + random.Next(letters)))]);
        for (var n = 0; n < 5_000; n++)
        {
            var (a, b) = (Text(), Text());
            JaroWinkler.Similarity(a, b).ShouldBe(TextbookJaroWinkler(a, b), $"{a} / {b}");
        }

        JaroWinkler.Similarity("müller", "muller").ShouldBe(TextbookJaroWinkler("müller", "muller"));
    }

    [Fact]
    public void TokenSet_ReorderedWords_FullSimilarity() =>
        TokenSetSimilarity.Similarity(["head", "of", "sales"], ["sales", "head", "of"]).ShouldBe(1, 1e-9);

    [Theory]
    [InlineData("Bob", "Robert", FieldAgreement.Close)]
    [InlineData("J.", "John", FieldAgreement.Partial)]
    [InlineData("Jon", "John", FieldAgreement.Close)]
    [InlineData("Jürgen", "Jurgen", FieldAgreement.Exact)]
    [InlineData("Mary", "Peter", FieldAgreement.Disagree)]
    public void FirstName_NicknamesInitialsTyposAccents_Levels(string lead, string crm, FieldAgreement expected)
    {
        PersonNameComparison.Compare(Person(lead, "Smith"), Person(crm, "Smith"), out var first, out _);
        first.Agreement.ShouldBe(expected);
    }

    [Fact]
    public void Compare_SwappedFirstAndLastName_BothClose()
    {
        PersonNameComparison.Compare(Person("Wang", "Li"), Person("Li", "Wang"), out var first, out var last);
        first.Agreement.ShouldBe(FieldAgreement.Close);
        last.Agreement.ShouldBe(FieldAgreement.Close);
    }

    [Fact]
    public void Compare_SwappedWithOneEqualAndOneShortSlip_SwappedPartial()
    {
        PersonNameComparison.Compare(Person("Day", "Henry"), Person("Henry", "Dy"), out var first, out var last);
        first.Agreement.ShouldBe(FieldAgreement.Partial);
        last.Agreement.ShouldBe(FieldAgreement.Close);
    }

    [Fact]
    public void Compare_SwappedWithOneEqualAndOneUnlike_NotSwapped()
    {
        PersonNameComparison.Compare(Person("Max", "Henry"), Person("Henry", "Dy"), out var first, out var last);
        first.Agreement.ShouldBe(FieldAgreement.Disagree);
        last.Agreement.ShouldBe(FieldAgreement.Disagree);
    }

    [Fact]
    public void Compare_OneOfDoubleSurname_Close()
    {
        PersonNameComparison.Compare(Person("Ana", "García López"), Person("Ana", "Garcia"), out _, out var last);
        last.Agreement.ShouldBe(FieldAgreement.Close);
    }

    [Fact]
    public void Compare_EmptyFieldsOnEitherSide_AllMissingNeverDisagree()
    {
        var full = NormalisedPerson.From(new PersonRecord("a")
        {
            FirstName = "Ann", LastName = "Lee", Email = "ann@x.com", Company = "X Inc", JobTitle = "CEO", Phone = "+1 212 555 0100",
            City = "Boston", State = "MA", Country = "US",
        });
        var empty = NormalisedPerson.From(new PersonRecord("b"));
        var comparisons = new FieldComparison[9];
        new PersonDomain().Compare(full, empty, comparisons);
        comparisons.ShouldAllBe(c => c.Agreement == FieldAgreement.Missing);
        new PersonDomain().Compare(empty, full, comparisons);
        comparisons.ShouldAllBe(c => c.Agreement == FieldAgreement.Missing);
    }

    [Fact]
    public void Company_EmailDomainNamesTheEmployer_Partial()
    {
        var lead = NormalisedPerson.From(new PersonRecord("a") { Email = "ann@keller-logistik.de" });
        var crm = NormalisedPerson.From(new PersonRecord("b") { Company = "Keller Logistik GmbH" });
        PersonComparison.Company(lead, crm).Agreement.ShouldBe(FieldAgreement.Partial);
    }

    [Theory]
    [InlineData("josen", "jones", true)]
    [InlineData("wheti", "white", true)]
    [InlineData("papge", "page", true)]
    [InlineData("fisreh", "fishier", true)]
    [InlineData("smith", "smyth", true)]
    [InlineData("mary", "peter", false)]
    [InlineData("jones", "jonesey", false)]
    [InlineData("nan", "ann", false)]
    public void LetterBag_SameLettersButOne_OnlyForNamesOfSomeLength(string a, string b, bool expected) =>
        LetterBag.WithinOneLetter(a, b).ShouldBe(expected);

    [Fact]
    public void LetterSet_DoubledOrMovedLetters_Same()
    {
        LetterBag.LetterSet("telliot").ShouldBe(LetterBag.LetterSet("elliot"));
        LetterBag.LetterSet("papge").ShouldBe(LetterBag.LetterSet("page"));
        LetterBag.LetterSet("page").ShouldNotBe(LetterBag.LetterSet("paige"));
    }

    [Theory]
    [InlineData("Josen", FieldAgreement.Partial)]
    [InlineData("Jnoes", FieldAgreement.Close)]
    [InlineData("Brown", FieldAgreement.Disagree)]
    public void LastName_LettersJumbledFarApart_Partial(string crm, FieldAgreement expected)
    {
        PersonNameComparison.Compare(Person("Mia", "Jones"), Person("Mia", crm), out _, out var last);
        last.Agreement.ShouldBe(expected);
    }

    [Theory]
    [InlineData("nJohnston", "Johnstn", FieldAgreement.Partial)]
    [InlineData("Johnston", "Johnson", FieldAgreement.Close)]
    [InlineData("Robinson", "Rnbinsoo", FieldAgreement.Partial)]
    [InlineData("Mathers", "Masters", FieldAgreement.Close)]
    [InlineData("Abraham", "Brahms", FieldAgreement.Disagree)]
    public void LastName_LongNameTwoEditsAway_Partial(string lead, string crm, FieldAgreement expected)
    {
        PersonNameComparison.Compare(Person("Rosie", lead), Person("Rosie", crm), out _, out var last);
        last.Agreement.ShouldBe(expected);
    }

    [Fact]
    public void Compare_SwappedWithLettersJumbled_CloseAndPartial()
    {
        PersonNameComparison.Compare(Person("Theo", "Wheti"), Person("White", "Theo"), out var first, out var last);
        first.Agreement.ShouldBe(FieldAgreement.Close);
        last.Agreement.ShouldBe(FieldAgreement.Partial);
    }

    [Fact]
    public void Compare_SwappedAgainstAnInitialFromTheMailbox_Agrees()
    {
        var lead = Person("Curtis", "Maya");
        var crm = NormalisedPerson.From(new PersonRecord("b") { LastName = "Curtis", Email = "mcurtis53@simpson.com" });
        PersonNameComparison.Compare(lead, crm, out var first, out var last);
        first.Agreement.ShouldBe(FieldAgreement.Close);
        last.Agreement.ShouldBe(FieldAgreement.Partial);
    }

    [Theory]
    [InlineData("nodlon", "london", FieldAgreement.Partial)]
    [InlineData("londn", "london", FieldAgreement.Close)]
    [InlineData("leeds", "london", FieldAgreement.Disagree)]
    [InlineData("lodon", "londonn", FieldAgreement.Partial)] // two slips, Jaro-Winkler 0.84
    [InlineData("bonn", "bern", FieldAgreement.Disagree)] // two slips in four letters are another city
    public void City_TyposAndJumbledLetters_Levels(string a, string b, FieldAgreement expected) =>
        PersonComparison.City(NormalisedPerson.From(new PersonRecord("a") { City = a }), NormalisedPerson.From(new PersonRecord("b") { City = b }))
            .Agreement.ShouldBe(expected);

    private static NormalisedPerson Person(string first, string last) =>
        NormalisedPerson.From(new PersonRecord(first + last) { FirstName = first, LastName = last });

    /// <summary>Jaro-Winkler as it is defined (window, first free partner, half the out-of-order pairs, prefix up to four).</summary>
    private static double TextbookJaroWinkler(string s1, string s2)
    {
        if (s1 == s2)
        {
            return 1;
        }

        var (a, b) = s1.Length <= s2.Length ? (s1, s2) : (s2, s1);
        var window = Math.Max(0, (b.Length / 2) - 1);
        var takenA = new bool[a.Length];
        var takenB = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = Math.Max(0, i - window); j <= Math.Min(b.Length - 1, i + window); j++)
            {
                if (!takenB[j] && a[i] == b[j])
                {
                    (takenA[i], takenB[j]) = (true, true);
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var inOrderA = a.Where((_, i) => takenA[i]).ToArray();
        var inOrderB = b.Where((_, j) => takenB[j]).ToArray();
        var transpositions = inOrderA.Zip(inOrderB).Count(p => p.First != p.Second);
        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3.0;
        var prefix = 0;
        while (prefix < 4 && prefix < a.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }
}
