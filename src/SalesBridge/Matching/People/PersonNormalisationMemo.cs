using SalesBridge.Matching.Normalisation;

namespace SalesBridge.Matching.People;

/// <summary>
/// The repeating person fields' normalisations for one run; <see cref="None"/> normalises every time. Names repeat
/// too: a 100,000-contact CRM has a few thousand first names and surnames, so most become a lookup instead of a fold,
/// a split and a Soundex with their strings. The arrays handed out are shared between records and never written.
/// </summary>
internal sealed class PersonNormalisationMemo
{
    public static readonly PersonNormalisationMemo None = new(remember: false);

    private readonly NormalisationMemo<(string, string, string[])>? firstNames;
    private readonly NormalisationMemo<(string, string, string[], string)>? lastNames;
    private readonly NormalisationMemo<(string, string[])>? titles;
    private readonly NormalisationMemo<(string, string, string[])>? companies;
    private readonly NormalisationMemo<(string, string)>? cities;
    private readonly NormalisationMemo<string>? states;
    private readonly NormalisationMemo<string>? countries;
    private readonly NormalisationMemo<(string, bool)>? emailDomains;

    public PersonNormalisationMemo(bool remember = true)
    {
        if (remember)
        {
            firstNames = new(NormaliseFirst);
            lastNames = new(NormaliseLast);
            titles = new(NormaliseTitle);
            companies = new(NormaliseCompany);
            cities = new(NormaliseCity);
            states = new(PlaceNames.State);
            countries = new(PlaceNames.Country);
            emailDomains = new(EmailAddress.DomainOf);
        }
    }

    public (string Name, string Token, string[] Formal) First(string? raw) => firstNames?.Get(raw) ?? NormaliseFirst(raw);

    public (string Name, string Compact, string[] Tokens, string Soundex) Last(string? raw) => lastNames?.Get(raw) ?? NormaliseLast(raw);

    public (string Title, string[] Tokens) Title(string? raw) => titles?.Get(raw) ?? NormaliseTitle(raw);

    public (string Name, string Compact, string[] Tokens) Company(string? raw) => companies?.Get(raw) ?? NormaliseCompany(raw);

    public (string Name, string Soundex) City(string? raw) => cities?.Get(raw) ?? NormaliseCity(raw);

    public string State(string? raw) => states?.Get(raw) ?? PlaceNames.State(raw);

    public string Country(string? raw) => countries?.Get(raw) ?? PlaceNames.Country(raw);

    public EmailAddress Email(string? raw) => EmailAddress.Parse(raw, emailDomains);

    private static (string, string, string[]) NormaliseFirst(string? raw)
    {
        var first = MatchText.Normalise(raw);
        var token = first.Length == 0 ? "" : MatchText.Tokens(first)[0];
        return (first, token, NicknameTable.FormalNames(token));
    }

    private static (string, string, string[], string) NormaliseLast(string? raw)
    {
        var last = MatchText.Normalise(raw);
        return (last, MatchText.Compact(last), MatchText.Tokens(last), Soundex.Of(last));
    }

    private static (string, string[]) NormaliseTitle(string? raw)
    {
        var title = MatchText.Normalise(raw);
        return (title, MatchText.Tokens(title));
    }

    private static (string, string) NormaliseCity(string? raw)
    {
        var city = PlaceNames.City(raw);
        return (city, Soundex.Of(city));
    }

    private static (string, string, string[]) NormaliseCompany(string? raw)
    {
        // One pass: the tokens are the name's words, so joining them gives the name and concatenating the compact form.
        var tokens = CompanyName.Tokens(raw);
        return (string.Join(' ', tokens), string.Concat(tokens), tokens.ToArray());
    }
}
