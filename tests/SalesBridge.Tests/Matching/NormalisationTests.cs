using SalesBridge.Matching.Normalisation;

namespace SalesBridge.Tests.Matching;

public sealed class NormalisationTests
{
    [Theory]
    [InlineData("Müller", "muller")]
    [InlineData("  François  O'Neil-Dupont ", "francois oneil dupont")]
    [InlineData("ŁUKASZ", "lukasz")]
    [InlineData("Иван", "ivan")]
    [InlineData(null, "")]
    public void Normalise_AccentsCasePunctuationScripts_FoldsToComparableText(string? raw, string expected) =>
        MatchText.Normalise(raw).ShouldBe(expected);

    [Theory]
    [InlineData("robert", "R163")]
    [InlineData("rupert", "R163")]
    [InlineData("ashcraft", "A261")] // H does not separate the equal codes of S and C
    [InlineData("tymczak", "T522")] // a vowel does separate equal codes
    [InlineData("pfister", "P236")] // F's code equals the first letter's, so it is not repeated
    [InlineData("jnes", "J520")]
    [InlineData("lee", "L000")]
    [InlineData("", "")]
    [InlineData("123", "")]
    public void Soundex_OfAndWrite_AmericanSoundexCodes(string normalised, string expected)
    {
        Soundex.Of(normalised).ShouldBe(expected);
        Span<char> code = stackalloc char[Soundex.Length];
        code[..Soundex.Write(normalised, code)].ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("bob", "robert")]
    [InlineData("bill", "william")]
    [InlineData("kate", "katherine")]
    [InlineData("hans", "johannes")]
    [InlineData("alex", "alexandra")]
    public void AreEquivalent_NicknameAndFormalName_True(string nickname, string formal) =>
        NicknameTable.AreEquivalent(nickname, formal).ShouldBeTrue();

    [Fact]
    public void AreEquivalent_NicknamesOfDifferentNames_False() =>
        NicknameTable.AreEquivalent("bob", "bill").ShouldBeFalse();

    [Theory]
    [InlineData("The Keller Group, Inc.", "keller group")]
    [InlineData("Keller Group Incorporated", "keller group")]
    [InlineData("Schmidt Logistik GmbH & Co. KG", "schmidt logistik")]
    [InlineData("Dupont S.A.", "dupont")]
    [InlineData("Dupont SARL", "dupont")]
    [InlineData("Van Dijk B.V.", "van dijk")]
    [InlineData("Barclays plc", "barclays")]
    [InlineData("Smith & Sons Ltd", "smith and sons")]
    [InlineData("Smith and Sons Limited", "smith and sons")]
    [InlineData("Acme Intl. LLC", "acme international")]
    [InlineData("The Company", "company")]
    public void CompanyName_LegalSuffixesTheAmpersandAbbreviations_Removed(string raw, string expected) =>
        CompanyName.Normalise(raw).ShouldBe(expected);

    [Theory]
    [InlineData("HTTPS://WWW.Acme.co.uk/about?x=1", "acme.co.uk")]
    [InlineData("www.acme.com", "acme.com")]
    [InlineData("http://shop.eu.acme.com:8080/", "acme.com")]
    [InlineData("acme.de", "acme.de")]
    [InlineData("", "")]
    public void Registrable_SchemeWwwSubdomainsPath_Stripped(string website, string expected) =>
        WebDomain.Registrable(website).ShouldBe(expected);

    [Fact]
    public void Label_CountryTld_LeavesCompanyPart() => WebDomain.Label("acme.co.uk").ShouldBe("acme");

    [Theory]
    [InlineData("+1 (212) 555-0100", "2125550100")]
    [InlineData("+44 20 7946 0958", "2079460958")]
    [InlineData("212.555.0100 ext. 42", "2125550100")]
    [InlineData("555-01", "")]
    public void PhoneDigits_Formatting_DigitsOnlyLastTen(string raw, string expected) =>
        PhoneDigits.Normalise(raw).ShouldBe(expected);

    [Fact]
    public void PhoneDigits_TrunkZeroAgainstCountryCode_SameTail() =>
        PhoneDigits.TailOf(PhoneDigits.Normalise("020 7946 0958")).ShouldBe(PhoneDigits.TailOf(PhoneDigits.Normalise("+44 20 7946 0958")));

    [Theory]
    [InlineData("Germany")]
    [InlineData("Deutschland")]
    [InlineData("DE")]
    [InlineData("deu")]
    public void Country_NamesAndIsoCodes_SameCode(string raw) => PlaceNames.Country(raw).ShouldBe("de");

    [Theory]
    [InlineData("California", "ca")]
    [InlineData("CA", "ca")]
    [InlineData("New South Wales", "nsw")]
    [InlineData("Bayern", "bayern")]
    public void State_NamesAndAbbreviations_SameCode(string raw, string expected) => PlaceNames.State(raw).ShouldBe(expected);

    [Fact]
    public void EmailAddress_PlusTagAndCase_Dropped()
    {
        var email = EmailAddress.Parse(" Jane.Doe+crm@Mail.Acme.com ");
        email.Local.ShouldBe("jane.doe");
        email.Domain.ShouldBe("acme.com");
        email.IsFreeMail.ShouldBeFalse();
        EmailAddress.Parse("jane@gmail.com").IsFreeMail.ShouldBeTrue();
    }

    [Theory]
    [InlineData("ann@keller-logistik.de", "kellerlogistik", true)]
    [InlineData("ann@mail.acme.co.uk", "acme", true)]
    [InlineData("ann@acme.com", "acmecorp", false)]
    [InlineData("ann@acmecorp.com", "acme", false)]
    [InlineData("ann@keller-logistik.de", "keller", false)]
    public void EmailAddress_DomainLabel_ComparedWithoutHyphens(string address, string compact, bool expected) =>
        EmailAddress.Parse(address).DomainLabelIs(compact).ShouldBe(expected);

    [Theory]
    [InlineData(" Jane.Doe+crm@Mail.Acme.com ")]
    [InlineData("joe@gmail.com")]
    [InlineData("lena@shop.keller-logistik.co.uk")]
    [InlineData("oliverjones82bond.biz")]
    [InlineData("")]
    public void EmailAddress_DomainMemo_SameAddressAsWithout(string address)
    {
        var memo = new NormalisationMemo<(string, bool)>(EmailAddress.DomainOf);
        EmailAddress.Parse(address, memo).ShouldBe(EmailAddress.Parse(address));
        EmailAddress.Parse(address, memo).ShouldBe(EmailAddress.Parse(address));
    }

    [Fact]
    public void EmailAddress_DomainMemo_OneDomainStringPerHost()
    {
        var memo = new NormalisationMemo<(string, bool)>(EmailAddress.DomainOf);
        var ann = EmailAddress.Parse("ann@mail.acme.com", memo);
        var bob = EmailAddress.Parse("Bob@Mail.Acme.com", memo);
        bob.Domain.ShouldBe("acme.com");
        ReferenceEquals(ann.Domain, bob.Domain).ShouldBeTrue();
    }
}
