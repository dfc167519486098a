using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesBridge.Dataverse;

/// <summary>
/// Builds <c>$filter</c> expressions from column names and values. Every value is written as an OData literal
/// (strings quoted with <c>'</c> doubled, GUIDs, dates in UTC, numbers invariant) and every column name is
/// checked, so no user text can change the shape of a query.
/// </summary>
public static partial class ODataFilter
{
    /// <summary><c>column eq value</c>; a null value gives <c>column eq null</c>.</summary>
    public static FilterExpression Eq(string column, object? value) => Compare(column, "eq", value);
    /// <summary><c>column ne value</c>.</summary>
    public static FilterExpression Ne(string column, object? value) => Compare(column, "ne", value);
    /// <summary><c>column gt value</c>.</summary>
    public static FilterExpression Gt(string column, object value) => Compare(column, "gt", value);
    /// <summary><c>column ge value</c>.</summary>
    public static FilterExpression Ge(string column, object value) => Compare(column, "ge", value);
    /// <summary><c>column lt value</c>.</summary>
    public static FilterExpression Lt(string column, object value) => Compare(column, "lt", value);
    /// <summary><c>column le value</c>.</summary>
    public static FilterExpression Le(string column, object value) => Compare(column, "le", value);

    /// <summary><c>contains(column,'text')</c>.</summary>
    public static FilterExpression Contains(string column, string text) => Function("contains", column, text);
    /// <summary><c>startswith(column,'text')</c>.</summary>
    public static FilterExpression StartsWith(string column, string text) => Function("startswith", column, text);
    /// <summary><c>endswith(column,'text')</c>.</summary>
    public static FilterExpression EndsWith(string column, string text) => Function("endswith", column, text);

    /// <summary>Any of the values: <c>(column eq a or column eq b ...)</c>; an empty list matches nothing.</summary>
    public static FilterExpression In(string column, IEnumerable<object> values)
    {
        var parts = values.Select(v => Eq(column, v)).ToArray();
        return parts.Length == 0 ? new FilterExpression("1 eq 0") : Or(parts);
    }

    /// <summary>All of the expressions.</summary>
    public static FilterExpression And(params FilterExpression[] parts) => Join("and", parts);
    /// <summary>Any of the expressions.</summary>
    public static FilterExpression Or(params FilterExpression[] parts) => Join("or", parts);
    /// <summary>The negation of an expression.</summary>
    public static FilterExpression Not(FilterExpression part) => new($"not ({part.Text})");

    /// <summary>Writes a value as an OData literal.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        Guid g => g.ToString("D"),
        bool b => b ? "true" : "false",
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTime d => (d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime())
            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        int or long or short or byte or decimal or double or float => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => throw new ArgumentException($"A {value.GetType().Name} cannot be written as an OData literal.", nameof(value)),
    };

    /// <summary>Throws unless <paramref name="column"/> is a plain column or lookup property name.</summary>
    public static string Column(string column) =>
        ColumnName().IsMatch(column) ? column : throw new ArgumentException($"'{column}' is not a column name.", nameof(column));

    private static FilterExpression Compare(string column, string op, object? value) => new($"{Column(column)} {op} {Literal(value)}");

    private static FilterExpression Function(string name, string column, string text) => new($"{name}({Column(column)},{Literal(text)})");

    private static FilterExpression Join(string op, FilterExpression[] parts) => parts.Length switch
    {
        0 => throw new ArgumentException("At least one expression is needed.", nameof(parts)),
        1 => parts[0],
        _ => new("(" + string.Join($" {op} ", parts.Select(p => p.Text)) + ")"),
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(/[A-Za-z_][A-Za-z0-9_]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ColumnName();
}

/// <summary>A <c>$filter</c> expression built by <see cref="ODataFilter"/>.</summary>
public sealed record FilterExpression(string Text)
{
    /// <inheritdoc/>
    public override string ToString() => Text;
}
