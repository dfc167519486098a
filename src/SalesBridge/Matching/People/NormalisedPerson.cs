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
    public required string Company { get; init; }
    public required string CompanyCompact { get; init; }
    public required string[] CompanyTokens { get; init; }
    public required string Title { get; init; }
    public required string[] TitleTokens { get; init; }
    public required string Phone { get; init; }
    public required string City { get; init; }
    public required string State { get; init; }
    public required string Country { get; init; }

    public static NormalisedPerson From(PersonRecord record)
    {
        var first = MatchText.Normalise(record.FirstName);
        var firstToken = first.Length == 0 ? "" : MatchText.Tokens(first)[0];
        var last = MatchText.Normalise(record.LastName);
        var company = CompanyName.Normalise(record.Company);
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
            Email = EmailAddress.Parse(record.Email),
            Company = company,
            CompanyCompact = MatchText.Compact(company),
            CompanyTokens = MatchText.Tokens(company),
            Title = title,
            TitleTokens = MatchText.Tokens(title),
            Phone = PhoneDigits.Normalise(record.Phone),
            City = PlaceNames.City(record.City),
            State = PlaceNames.State(record.State),
            Country = PlaceNames.Country(record.Country),
        };
    }
}
