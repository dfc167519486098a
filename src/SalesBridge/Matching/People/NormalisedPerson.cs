using System.Runtime.CompilerServices;
using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.Normalisation;

namespace SalesBridge.Matching.People;

/// <summary>A person's fields in comparable form, computed once per record before any pair is compared.</summary>
internal sealed class NormalisedPerson
{
    public required string First { get; init; }
    public required string FirstToken { get; init; }
    public required string[] FirstFormal { get; init; }
    public required string Last { get; init; }
    public required string LastCompact { get; init; }
    public required string[] LastTokens { get; init; }
    public required string LastSoundex { get; init; }
    public required EmailAddress Email { get; init; }

    /// <summary>The letters of <see cref="First"/>, <see cref="LastCompact"/> and <see cref="City"/> (<see cref="LetterBag.LetterSet"/>): for blocking, and to rule out jumbled-letter agreement cheaply.</summary>
    public required int FirstLetters { get; init; }

    public required int LastLetters { get; init; }

    public required int CityLetters { get; init; }

    /// <summary>The first name was missing and is read from the mailbox (<see cref="EmailNames"/>): it may agree, never disagree.</summary>
    public bool FirstFromEmail { get; init; }

    public bool LastFromEmail { get; init; }
    public required string Company { get; init; }
    public required string CompanyCompact { get; init; }
    public required string[] CompanyTokens { get; init; }
    public required string Title { get; init; }
    public required string[] TitleTokens { get; init; }
    public required string Phone { get; init; }
    public required string City { get; init; }

    /// <summary>The city's Soundex: a blocking key part that survives a slip anywhere after the first letter.</summary>
    public required string CitySoundex { get; init; }
    public required string State { get; init; }
    public required string Country { get; init; }

    public static NormalisedPerson From(PersonRecord record) => From(record, PersonNormalisationMemo.None);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static NormalisedPerson From(PersonRecord record, PersonNormalisationMemo memo)
    {
        var (first, firstToken, firstFormal) = memo.First(record.FirstName);
        var (last, lastCompact, lastTokens, lastSoundex) = memo.Last(record.LastName);
        var email = memo.Email(record.Email);
        var (firstFromEmail, lastFromEmail) = EmailNames.Guess(email.Local, MatchText.Compact(first), lastCompact);
        if (firstFromEmail.Length > 0)
        {
            (first, firstToken, firstFormal) = memo.First(firstFromEmail);
        }

        if (lastFromEmail.Length > 0)
        {
            (last, lastCompact, lastTokens, lastSoundex) = memo.Last(lastFromEmail);
        }

        var (city, citySoundex) = memo.City(record.City);
        var (company, companyCompact, companyTokens) = memo.Company(record.Company);
        var (title, titleTokens) = memo.Title(record.JobTitle);
        return new NormalisedPerson
        {
            First = first,
            FirstToken = firstToken,
            FirstFormal = firstFormal,
            Last = last,
            LastCompact = lastCompact,
            LastTokens = lastTokens,
            LastSoundex = lastSoundex,
            FirstFromEmail = firstFromEmail.Length > 0,
            LastFromEmail = lastFromEmail.Length > 0,
            Email = email,
            FirstLetters = LetterBag.LetterSet(first),
            LastLetters = LetterBag.LetterSet(lastCompact),
            CityLetters = LetterBag.LetterSet(city),
            Company = company,
            CompanyCompact = companyCompact,
            CompanyTokens = companyTokens,
            Title = title,
            TitleTokens = titleTokens,
            Phone = PhoneDigits.Normalise(record.Phone),
            City = city,
            CitySoundex = citySoundex,
            State = memo.State(record.State),
            Country = memo.Country(record.Country),
        };
    }
}
