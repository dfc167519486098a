using System.Runtime.CompilerServices;
using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.Normalisation;

namespace SalesBridge.Matching.People;

/// <summary>Every person field but the names, compared after normalisation; a field empty on either side is Missing.</summary>
internal static class PersonComparison
{
    private const int MinLocalForTwoSlips = 6;
    private const int DomainSlips = 2;
    private const int MinAddressForThreeSlips = 24;
    private const int GarbledSetSlips = 3;
    private const int MinPlaceForTwoSlips = 5;
    private const double GarbledSimilarity = 0.88;

    /// <summary>A shorter shared part ("ann", "li") is as likely a colleague's as an alias.</summary>
    private const int MinSharedMailboxPart = 4;

    private const string MailboxSeparators = "._-0123456789";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FieldComparison Email(EmailAddress a, EmailAddress b)
    {
        if (a.AddressLength == 0 || b.AddressLength == 0)
        {
            return FieldComparison.Missing;
        }

        if (a.SameAddress(b))
        {
            return FieldComparison.Exact;
        }

        var sameLocal = a.SameLocal(b);
        var sameDomain = a.SameDomain(b);

        // Same mailbox name at another domain: the same person with a private or a new work address.
        if (sameLocal && a.LocalLength >= 4)
        {
            return new FieldComparison(FieldAgreement.Close, 0.8f);
        }

        // The same characters with the "@" or a dot dropped or moved ("m.w@cannon.com", "m@w.cannon.com").
        var shorterAddress = Math.Min(a.AddressLength, b.AddressLength);
        if (a.SameBare(b))
        {
            return new FieldComparison(FieldAgreement.Close, 1f - (1f / shorterAddress));
        }

        // A slip of the keyboard: one edit, two where both mailbox names are long, three where the whole addresses
        // are (one slip in eight characters). Two people's addresses rarely lie that close; short mailboxes do ("ann@"
        // and "dan@" are two edits apart), so they get one.
        var shorterLocal = Math.Min(a.LocalLength, b.LocalLength);
        var slips = (shorterLocal >= MinLocalForTwoSlips ? 2 : 1) + (shorterAddress >= MinAddressForThreeSlips ? 1 : 0);
        var distance = LetterBag.SetsWithin(a.AddressCharacters, b.AddressCharacters, slips) ? EditDistance.Bounded(a.Address, b.Address, slips) : slips + 1;
        if (distance <= slips)
        {
            return new FieldComparison(FieldAgreement.Close, 1f - (distance / (float)shorterAddress));
        }

        // The same mailbox at a misspelt domain ("a.r@cervantes.net" vs "a.r@cervanset.net").
        if (sameLocal && EditDistance.Bounded(a.Domain, b.Domain, DomainSlips) <= DomainSlips)
        {
            return new FieldComparison(FieldAgreement.Close, 0.9f);
        }

        // A long mailbox name with one slip at another domain: likely the same person, far weaker than the same address.
        if (shorterLocal >= MinLocalForTwoSlips && LetterBag.SetsWithin(a.LocalCharacters, b.LocalCharacters, 1)
            && EditDistance.Bounded(a.Local, b.Local, 1) <= 1)
        {
            return new FieldComparison(FieldAgreement.Partial, 0.7f);
        }

        // Slips in both mailbox and domain, more than the edits above allow ("evelynm@page.com", "evlynnm@pagm.coe"):
        // two people's addresses at different domains are almost never this alike (one pair in 20,000 random pairs
        // of fake_1000, against 98 % of one person's differing addresses). Colleagues share a domain and go to the
        // rule below instead.
        if (!sameDomain && LetterBag.SetsWithin(a.BareCharacters, b.BareCharacters, GarbledSetSlips))
        {
            // Reached rarely (the letter sets must nearly agree), so copying the two addresses costs little.
            var similarity = JaroWinkler.Similarity(a.WriteBare(new char[a.AddressLength]), b.WriteBare(new char[b.AddressLength]));
            if (similarity >= GarbledSimilarity)
            {
                return new FieldComparison(FieldAgreement.Partial, (float)similarity);
            }
        }

        // Same company domain, other mailbox: an alias of the same person shares part of the mailbox ("j.smith" and
        // "john.smith", "smith" and "jsmith"), and EM decides what that is worth; a colleague's mailbox does not, and
        // counting it as agreement would match colleagues at one employer ("sam.crona@" and "carlota.segovia@").
        return sameDomain && !a.IsFreeMail && MailboxesAlike(a.Local, b.Local)
            ? new FieldComparison(FieldAgreement.Partial, 0.5f)
            : FieldComparison.Disagree;
    }

    /// <summary>
    /// Two mailbox names sharing a name part of <see cref="MinSharedMailboxPart"/> letters (one holding the other's) or
    /// close by Jaro-Winkler, unless each holds a name part the other lacks and those differ: "johannes.meer" and
    /// "johannes.vliet" are two Johannes at one employer, "j.smith" and "john.smith" may be one person.
    /// </summary>
    private static bool MailboxesAlike(string a, string b) =>
        (HoldsPartOf(a, b) || HoldsPartOf(b, a) || JaroWinkler.Similarity(a, b) >= 0.85) && !OwnPartsDiffer(a, b);

    /// <summary>Each mailbox has a part of three letters or more the other does not hold, and no two of those are alike.</summary>
    private static bool OwnPartsDiffer(string a, string b)
    {
        var found = false;
        foreach (var rangeA in a.AsSpan().SplitAny(MailboxSeparators))
        {
            var partA = a.AsSpan()[rangeA];
            if (partA.Length < 3 || b.AsSpan().Contains(partA, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var rangeB in b.AsSpan().SplitAny(MailboxSeparators))
            {
                var partB = b.AsSpan()[rangeB];
                if (partB.Length < 3 || a.AsSpan().Contains(partB, StringComparison.Ordinal))
                {
                    continue;
                }

                if (partA.StartsWith(partB) || partB.StartsWith(partA) || JaroWinkler.Similarity(partA, partB) >= 0.85)
                {
                    return false;
                }

                found = true;
            }
        }

        return found;
    }

    private static bool HoldsPartOf(ReadOnlySpan<char> mailbox, ReadOnlySpan<char> other)
    {
        foreach (var range in mailbox.SplitAny(MailboxSeparators))
        {
            var part = mailbox[range];
            if (part.Length >= MinSharedMailboxPart && other.Contains(part, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FieldComparison Company(NormalisedPerson a, NormalisedPerson b)
    {
        if (a.Company.Length > 0 && b.Company.Length > 0)
        {
            var byName = CompanyNames(a.Company, a.CompanyCompact, a.CompanyTokens, b.Company, b.CompanyCompact, b.CompanyTokens);
            if (byName.Agreement != FieldAgreement.Disagree)
            {
                return byName;
            }
        }

        // The email domain names the employer: "x@keller-logistik.de" works at "Keller Logistik GmbH".
        if (WorksAt(a.Email, b.CompanyCompact) || WorksAt(b.Email, a.CompanyCompact))
        {
            return new FieldComparison(FieldAgreement.Partial, 0.6f);
        }

        return a.Company.Length > 0 && b.Company.Length > 0 ? FieldComparison.Disagree : FieldComparison.Missing;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FieldComparison CompanyNames(string a, string aCompact, string[] aTokens, string b, string bCompact, string[] bTokens)
    {
        if (a == b || aCompact == bCompact)
        {
            return FieldComparison.Exact;
        }

        var tokens = TokenSetSimilarity.Similarity(aTokens, bTokens);
        var characters = JaroWinkler.Similarity(aCompact, bCompact);
        var similarity = Math.Max(tokens, characters);
        return FieldComparison.BySimilarity(Math.Min(similarity, 0.99), close: 0.92, partial: 0.75);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FieldComparison Title(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return FieldComparison.Missing;
        }

        return FieldComparison.BySimilarity(TokenSetSimilarity.Similarity(a, b), close: 0.85, partial: 0.5);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FieldComparison Phone(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return FieldComparison.Missing;
        }

        if (a == b)
        {
            return FieldComparison.Exact;
        }

        // Same subscriber digits with a different prefix (country code vs trunk zero).
        return a.AsSpan()[^PhoneDigits.Tail..].SequenceEqual(b.AsSpan()[^PhoneDigits.Tail..])
            ? new FieldComparison(FieldAgreement.Close, 0.9f)
            : FieldComparison.Disagree;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FieldComparison Place(string a, string b, bool allowTypos)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return FieldComparison.Missing;
        }

        if (a == b)
        {
            return FieldComparison.Exact;
        }

        return allowTypos ? FieldComparison.BySimilarity(JaroWinkler.Similarity(a, b), close: 0.92, partial: 0.85) : FieldComparison.Disagree;
    }

    /// <summary>
    /// A person's city: <see cref="Place"/> with typos; Partial for letters jumbled beyond Jaro-Winkler's window
    /// ("Nodlon" for "London") and for two slips in a name long enough to carry them ("Lodon" for "Londonn", which
    /// Jaro-Winkler puts at 0.84).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FieldComparison City(NormalisedPerson a, NormalisedPerson b)
    {
        var byCharacters = Place(a.City, b.City, allowTypos: true);
        if (byCharacters.Agreement != FieldAgreement.Disagree)
        {
            return byCharacters;
        }

        return LetterBag.WithinOneLetter(a.City, a.CityLetters, b.City, b.CityLetters) || TwoSlipsApart(a.City, a.CityLetters, b.City, b.CityLetters)
            ? new FieldComparison(FieldAgreement.Partial, byCharacters.Similarity)
            : byCharacters;
    }

    /// <summary>Two edits at most between names of <see cref="MinPlaceForTwoSlips"/> letters or more (letter sets checked first: cheap).</summary>
    private static bool TwoSlipsApart(string a, int aLetters, string b, int bLetters) =>
        Math.Min(a.Length, b.Length) >= MinPlaceForTwoSlips && LetterBag.SetsWithin(aLetters, bLetters, 2) && EditDistance.Bounded(a, b, 2) <= 2;

    public static FieldComparison Equal(string a, string b) =>
        a.Length == 0 || b.Length == 0 ? FieldComparison.Missing : a == b ? FieldComparison.Exact : FieldComparison.Disagree;

    private static bool WorksAt(EmailAddress email, string companyCompact) =>
        email.Domain.Length > 0 && !email.IsFreeMail && companyCompact.Length >= 3 && email.DomainLabelIs(companyCompact);
}
