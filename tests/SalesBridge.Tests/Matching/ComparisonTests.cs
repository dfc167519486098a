using SalesBridge.Matching;
using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.People;

namespace SalesBridge.Tests.Matching;

public sealed class ComparisonTests
{
    [Fact]
    public void JaroWinkler_KnownPair_MatchesTextbookValue() =>
        JaroWinkler.Similarity("martha", "marhta").ShouldBe(0.961, 0.001);

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
    public void City_TyposAndJumbledLetters_Levels(string a, string b, FieldAgreement expected) =>
        PersonComparison.City(NormalisedPerson.From(new PersonRecord("a") { City = a }), NormalisedPerson.From(new PersonRecord("b") { City = b }))
            .Agreement.ShouldBe(expected);

    private static NormalisedPerson Person(string first, string last) =>
        NormalisedPerson.From(new PersonRecord(first + last) { FirstName = first, LastName = last });
}
