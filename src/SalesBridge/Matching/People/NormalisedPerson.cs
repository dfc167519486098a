using System.Runtime.CompilerServices;
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
        var first = MatchText.Normalise(record.FirstName);
        var last = MatchText.Normalise(record.LastName);
        var email = EmailAddress.Parse(record.Email);
        var (firstFromEmail, lastFromEmail) = EmailNames.Guess(email.Local, MatchText.Compact(first), MatchText.Compact(last));
        first = first.Length == 0 ? firstFromEmail : first;
        last = last.Length == 0 ? lastFromEmail : last;
        var firstToken = first.Length == 0 ? "" : MatchText.Tokens(first)[0];
        var (city, citySoundex) = memo.City(record.City);
        var (company, companyCompact, companyTokens) = memo.Company(record.Company);
        var title = MatchText.Normalise(record.JobTitle);
        return new NormalisedPerson
        {
            First = first,
            FirstToken = firstToken,
            FirstFormal = NicknameTable.FormalNames(firstToken),
            Last = last,
            LastCompact = MatchText.Compact(last),
            LastTokens = MatchText.Tokens(last),
            LastSoundex = Soundex.Of(last),
            FirstFromEmail = firstFromEmail.Length > 0,
            LastFromEmail = lastFromEmail.Length > 0,
            Email = email,
            Company = company,
            CompanyCompact = companyCompact,
            CompanyTokens = companyTokens,
            Title = title,
            TitleTokens = MatchText.Tokens(title),
            Phone = PhoneDigits.Normalise(record.Phone),
            City = city,
            CitySoundex = citySoundex,
            State = memo.State(record.State),
            Country = memo.Country(record.Country),
        };
    }
}

/// <summary>The repeating person fields' normalisations for one run; <see cref="None"/> normalises every time.</summary>
internal sealed class PersonNormalisationMemo
{
    public static readonly PersonNormalisationMemo None = new(remember: false);

    private readonly NormalisationMemo<(string, string, string[])>? companies;
    private readonly NormalisationMemo<(string, string)>? cities;
    private readonly NormalisationMemo<string>? states;
    private readonly NormalisationMemo<string>? countries;

    public PersonNormalisationMemo(bool remember = true)
    {
        if (remember)
        {
            companies = new(NormaliseCompany);
            cities = new(NormaliseCity);
            states = new(PlaceNames.State);
            countries = new(PlaceNames.Country);
        }
    }

    public (string Name, string Compact, string[] Tokens) Company(string? raw) => companies?.Get(raw) ?? NormaliseCompany(raw);

    public (string Name, string Soundex) City(string? raw) => cities?.Get(raw) ?? NormaliseCity(raw);

    public string State(string? raw) => states?.Get(raw) ?? PlaceNames.State(raw);

    public string Country(string? raw) => countries?.Get(raw) ?? PlaceNames.Country(raw);

    private static (string, string) NormaliseCity(string? raw)
    {
        var city = PlaceNames.City(raw);
        return (city, Soundex.Of(city));
    }

    private static (string, string, string[]) NormaliseCompany(string? raw)
    {
        var name = CompanyName.Normalise(raw);
        return (name, MatchText.Compact(name), MatchText.Tokens(name));
    }
}
