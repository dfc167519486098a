using SalesBridge.Matching;

namespace SalesBridge.Web.Cli.Matching;

/// <summary>The columns <c>salesbridge match</c> reads, and how a row becomes a record.</summary>
internal static class MatchInputs
{
    public static readonly string[] PeopleColumns = ["id", "firstname", "lastname", "email", "company", "jobtitle", "phone", "city", "state", "country"];
    public static readonly string[] CompanyColumns = ["id", "name", "website", "phone", "street", "city", "state", "postalcode", "country"];

    /// <summary>A row without an id is known by its line number, so that every lead still gets its output row.</summary>
    public static string IdOf(string?[] values, int line) => values[0] ?? $"line-{line}";

    public static PersonRecord Person(string?[] v, int line) => new(IdOf(v, line))
    {
        FirstName = v[1], LastName = v[2], Email = v[3], Company = v[4], JobTitle = v[5], Phone = v[6], City = v[7], State = v[8], Country = v[9],
    };

    public static CompanyRecord Company(string?[] v, int line) => new(IdOf(v, line))
    {
        Name = v[1], Website = v[2], Phone = v[3], Street = v[4], City = v[5], State = v[6], PostalCode = v[7], Country = v[8],
    };
}
