using SalesBridge.Text;

namespace SalesBridge.PeopleDirectory;

/// <summary>
/// The one form in which directory rows are stored for search and in which search terms are compared with them:
/// accents folded, lower case. Kept in a column so that SQLite and PostgreSQL answer a search the same way
/// (PostgreSQL's LIKE is case-sensitive, SQLite's is not, and neither folds accents).
/// </summary>
public static class DirectorySearchText
{
    public const int MaxTermLength = 100;

    public static string Of(params string?[] fields) =>
        Normalize(string.Join(' ', fields.Where(field => !string.IsNullOrWhiteSpace(field))));

    /// <summary>The words of a search term; a row matches when its search text contains every one of them.</summary>
    public static string[] Terms(string? query) =>
        string.IsNullOrWhiteSpace(query) ? [] : Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Normalize(string text) => LatinFold.Fold(text).ToLowerInvariant();
}
