using SalesBridge.Matching.Normalisation;

namespace SalesBridge.Matching.Companies;

/// <summary>A company's fields in comparable form, computed once per record.</summary>
internal sealed class NormalisedCompany
{
    public required string Name { get; init; }
    public required string NameCompact { get; init; }
    public required string[] NameTokens { get; init; }
    public required string Domain { get; init; }
    public required string DomainLabel { get; init; }
    public required string Phone { get; init; }
    public required string Street { get; init; }
    public required string[] StreetTokens { get; init; }
    public required string City { get; init; }
    public required string State { get; init; }
    public required string PostalCode { get; init; }
    public required string Country { get; init; }

    public static NormalisedCompany From(CompanyRecord record)
    {
        var name = CompanyName.Normalise(record.Name);
        var domain = WebDomain.Registrable(record.Website);
        var street = StreetAddress.Normalise(record.Street);
        return new NormalisedCompany
        {
            Name = name,
            NameCompact = MatchText.Compact(name),
            NameTokens = MatchText.Tokens(name),
            Domain = domain,
            DomainLabel = WebDomain.Label(domain).Replace("-", "", StringComparison.Ordinal),
            Phone = PhoneDigits.Normalise(record.Phone),
            Street = street,
            StreetTokens = MatchText.Tokens(street),
            City = PlaceNames.City(record.City),
            State = PlaceNames.State(record.State),
            PostalCode = MatchText.Compact(MatchText.Normalise(record.PostalCode)),
            Country = PlaceNames.Country(record.Country),
        };
    }
}
