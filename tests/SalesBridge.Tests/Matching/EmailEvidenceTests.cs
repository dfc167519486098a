using SalesBridge.Matching;
using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.Normalisation;
using SalesBridge.Matching.People;

namespace SalesBridge.Tests.Matching;

public sealed class EmailEvidenceTests
{
    [Theory]
    [InlineData("jane.doe71", "", "", "jane", "doe")]
    [InlineData("j_doe", "", "", "j", "doe")]
    [InlineData("doe.jane", "", "doe", "jane", "")]
    [InlineData("janedoe", "jane", "", "", "doe")]
    [InlineData("janedoe", "", "doe", "jane", "")]
    [InlineData("janedoe", "", "", "", "")]
    [InlineData("jane.doe", "jane", "doe", "", "")]
    [InlineData("j.d", "", "", "", "")]
    [InlineData("theodore.m", "", "marshall", "theodore", "")]
    [InlineData("ohughes", "oliver", "", "", "hughes")]
    [InlineData("ohu", "oliver", "", "", "")]
    [InlineData("phughes", "oliver", "", "", "")]
    [InlineData("a.b.c", "", "", "", "")]
    [InlineData("x2y.doe", "", "", "", "")]
    public void Guess_LocalPartShapes_FillsOnlyMissingNames(string local, string first, string last, string expectedFirst, string expectedLast) =>
        EmailNames.Guess(local, first, last).ShouldBe((expectedFirst, expectedLast));

    [Fact]
    public void From_OnlyAnEmail_NamesReadFromMailbox()
    {
        var person = NormalisedPerson.From(new PersonRecord("a") { Email = "Maisie.Walsh@hodge.com" });
        person.First.ShouldBe("maisie");
        person.Last.ShouldBe("walsh");
        person.FirstFromEmail.ShouldBeTrue();
        person.LastFromEmail.ShouldBeTrue();
    }

    [Fact]
    public void Compare_NameFromMailboxDisagrees_Missing()
    {
        var lead = NormalisedPerson.From(new PersonRecord("a") { Email = "sales.team@acme.com" });
        var crm = Person("Maisie", "Walsh");
        PersonNameComparison.Compare(lead, crm, out var first, out var last);
        first.Agreement.ShouldBe(FieldAgreement.Missing);
        last.Agreement.ShouldBe(FieldAgreement.Missing);
    }

    [Fact]
    public void Compare_NameFromMailboxAgrees_Counts()
    {
        var lead = NormalisedPerson.From(new PersonRecord("a") { LastName = "Clark", Email = "v.clark@campbell.com" });
        PersonNameComparison.Compare(lead, Person("Violet", "Clark"), out var first, out var last);
        first.Agreement.ShouldBe(FieldAgreement.Partial);
        last.Agreement.ShouldBe(FieldAgreement.Exact);
    }

    [Fact]
    public void FirstName_TwoEqualInitials_OnlyPartial()
    {
        PersonNameComparison.Compare(Person("J", "Smith"), Person("J.", "Smith"), out var first, out _);
        first.Agreement.ShouldBe(FieldAgreement.Partial);
    }

    [Theory]
    [InlineData("Scott", "Caleb", "Caleb", null)]
    [InlineData(null, "Ahmed", "Ahmed", "Oscar")]
    public void Compare_SingleNameInTheOtherField_CloseOtherMissing(string? leadFirst, string? leadLast, string? crmFirst, string? crmLast)
    {
        var lead = NormalisedPerson.From(new PersonRecord("a") { FirstName = leadFirst, LastName = leadLast });
        var crm = NormalisedPerson.From(new PersonRecord("b") { FirstName = crmFirst, LastName = crmLast });
        PersonNameComparison.Compare(lead, crm, out var first, out var last);
        new[] { first.Agreement, last.Agreement }.ShouldBe(
            leadFirst is null ? [FieldAgreement.Missing, FieldAgreement.Close] : [FieldAgreement.Close, FieldAgreement.Missing], ignoreOrder: true);
    }

    [Fact]
    public void Compare_SingleNameMatchingItsOwnField_NotSwapped()
    {
        var lead = NormalisedPerson.From(new PersonRecord("a") { FirstName = "Caleb", LastName = "Scott" });
        var crm = NormalisedPerson.From(new PersonRecord("b") { FirstName = "Caleb" });
        PersonNameComparison.Compare(lead, crm, out var first, out var last);
        first.Agreement.ShouldBe(FieldAgreement.Exact);
        last.Agreement.ShouldBe(FieldAgreement.Missing);
    }

    [Theory]
    [InlineData("m.b@bell-brown.com", "m.b@ell-brown.com", FieldAgreement.Close)]
    [InlineData("hday48@thomas-arter.com", "hday48@homas-carter.com", FieldAgreement.Close)]
    [InlineData("a.r@cervanset.net", "a.r@cervantes.net", FieldAgreement.Close)]
    [InlineData("a.r@cervantes.net", "a.r@lopez.net", FieldAgreement.Disagree)]
    [InlineData("ann@gmail.com", "dan@gmail.com", FieldAgreement.Disagree)]
    [InlineData("samuelcampbell35@hebe3r.com", "samuelcampbel35@hebert.com", FieldAgreement.Close)]
    [InlineData("samuel.j@hebe3r.com", "samuel.jjj@hebert.com", FieldAgreement.Partial)]
    [InlineData("l.feruson46@sahh.com", "l.ferguson46@soao.chm", FieldAgreement.Partial)]
    [InlineData("l.fer@sahh.com", "l.fez@soao.chm", FieldAgreement.Disagree)]
    public void Email_Typos_CloseOnlyWhenFewEditsForTheLength(string a, string b, FieldAgreement expected) =>
        PersonComparison.Email(EmailAddress.Parse(a), EmailAddress.Parse(b)).Agreement.ShouldBe(expected);

    [Theory]
    [InlineData("m.w@cannon.com", "m@w.cannon.com")]
    [InlineData("oliverjones82bond.biz", "oliverjones82@bond.biz")]
    [InlineData("anna.berg@acme.de", "annaberg@acme.de")]
    public void Email_AtOrDotDroppedOrMoved_Close(string a, string b) =>
        PersonComparison.Email(EmailAddress.Parse(a), EmailAddress.Parse(b)).Agreement.ShouldBe(FieldAgreement.Close);

    [Theory]
    [InlineData("evelynm@page.com", "evlynnm@pagm.coe", FieldAgreement.Partial)]
    [InlineData("ow@haynes-saunders.com", "cow@haynes-saunder.com", FieldAgreement.Partial)]
    [InlineData("lottie.d7@morgan-pierce.com", "luke.m2@morgan-price.org", FieldAgreement.Disagree)]
    [InlineData("sam.crona@acme.com", "sam.crone@acme.com", FieldAgreement.Close)]
    [InlineData("sam.crona@acme.com", "sara.crow@acme.com", FieldAgreement.Disagree)]
    public void Email_SlipsInMailboxAndDomain_PartialOnlyAtAnotherDomainAndWhenAlike(string a, string b, FieldAgreement expected) =>
        PersonComparison.Email(EmailAddress.Parse(a), EmailAddress.Parse(b)).Agreement.ShouldBe(expected);

    [Fact]
    public void Parse_WithoutAt_KeptWholeWithNoMailboxOrDomain()
    {
        var email = EmailAddress.Parse(" OliverJones82Bond.biz ");

        email.Address.ShouldBe("oliverjones82bond.biz");
        email.Local.ShouldBeEmpty();
        email.Domain.ShouldBeEmpty();
        EmailAddress.Parse("a.b").ShouldBe(EmailAddress.None);
        EmailAddress.Parse("not an address.").ShouldBe(EmailAddress.None);
    }

    [Fact]
    public void Email_TwoDifferentValuesWithoutAt_Disagree() =>
        // Neither has a mailbox or a domain, which must not count as sharing one.
        PersonComparison.Email(EmailAddress.Parse("johnsmith.com"), EmailAddress.Parse("maryjones.org")).Agreement.ShouldBe(FieldAgreement.Disagree);

    [Fact]
    public void CharacterSets_NeverRuleOutAddressesWithinTheEdits()
    {
        // The pre-check before each typo comparison may only skip pairs that are farther apart than the edits allowed.
        var random = new Random(11);
        const string alphabet = "abcdeio.-_@0129+é";
        string Text() => new([.. Enumerable.Range(0, random.Next(1, 14)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        for (var n = 0; n < 20_000; n++)
        {
            var a = Text();
            var b = random.Next(3) == 0 ? Text() : Mutate(a, random);
            for (var edits = 1; edits <= 3; edits++)
            {
                if (EditDistance.Bounded(a, b, edits) <= edits)
                {
                    LetterBag.SetsWithin(EmailAddress.CharacterSet(a), EmailAddress.CharacterSet(b), edits).ShouldBeTrue($"{a} / {b} within {edits}");
                }
            }
        }

        LetterBag.SetsWithin(EmailAddress.CharacterSet("sam.crona"), EmailAddress.CharacterSet("carlota.segovia"), 2).ShouldBeFalse();
    }

    private static string Mutate(string text, Random random)
    {
        var chars = text.ToList();
        for (var edit = random.Next(1, 4); edit > 0 && chars.Count > 1; edit--)
        {
            var at = random.Next(chars.Count - 1);
            switch (random.Next(4))
            {
                case 0: chars[at] = (char)('a' + random.Next(26)); break;
                case 1: chars.RemoveAt(at); break;
                case 2: chars.Insert(at, (char)('0' + random.Next(10))); break;
                default: (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]); break;
            }
        }

        return new string([.. chars]);
    }

    [Theory]
    [InlineData("j.smith@acme.com", "john.smith@acme.com", FieldAgreement.Partial)]
    [InlineData("smith.j@acme.com", "jsmith@acme.com", FieldAgreement.Partial)]
    [InlineData("jon.walker@acme.com", "jonwalker@acme.com", FieldAgreement.Close)]
    [InlineData("sam.crona@teratekmotors.com", "carlota.segovia@teratekmotors.com", FieldAgreement.Disagree)]
    [InlineData("peter.miller@acme.com", "paula.muller@acme.com", FieldAgreement.Disagree)]
    [InlineData("ann@x.com", "dan@x.com", FieldAgreement.Disagree)]
    [InlineData("j.smith@gmail.com", "john.smith@gmail.com", FieldAgreement.Disagree)]
    [InlineData("johannes.meer@cobaltconstruction.nl", "johannes.vliet@cobaltconstruction.nl", FieldAgreement.Disagree)]
    [InlineData("anna.berg@acme.com", "anna.bergmann@acme.com", FieldAgreement.Partial)]
    [InlineData("anna.berg@acme.com", "anna.berg.sales@acme.com", FieldAgreement.Partial)]
    public void Email_SameCompanyDomain_AliasPartialColleagueDisagrees(string a, string b, FieldAgreement expected) =>
        PersonComparison.Email(EmailAddress.Parse(a), EmailAddress.Parse(b)).Agreement.ShouldBe(expected);

    [Theory]
    [InlineData("kitten", "sitting", 3, 3)]
    [InlineData("kitten", "sitting", 2, 3)]
    [InlineData("martha", "marhta", 2, 1)]
    [InlineData("abc", "abc", 1, 0)]
    [InlineData("", "ab", 2, 2)]
    [InlineData("abcdef", "ab", 2, 3)]
    public void Bounded_KnownPairs_DistanceOrBoundPlusOne(string a, string b, int bound, int expected) =>
        EditDistance.Bounded(a, b, bound).ShouldBe(expected);

    private static NormalisedPerson Person(string first, string last) =>
        NormalisedPerson.From(new PersonRecord(first + last) { FirstName = first, LastName = last });
}
