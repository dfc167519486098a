using System.Text;
using System.Text.RegularExpressions;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.FetchXml;

/// <summary>
/// Evaluates one condition against a column value with SQL Server's semantics, as Dataverse does: string
/// comparisons ignore case, and a null column satisfies no comparison (not even <c>ne</c> or <c>not-in</c>),
/// only <c>null</c>.
/// </summary>
public static class ConditionEvaluator
{
    public static bool Matches(FetchCondition condition, object? rawValue)
    {
        var value = Normalize(rawValue);
        var op = condition.Operator;
        if (op == ConditionOperator.Null) return value is null;
        if (op == ConditionOperator.NotNull) return value is not null;
        if (value is null) return false;
        var args = condition.Values;
        return op switch
        {
            ConditionOperator.Eq => Compare(value, args[0]) == 0,
            ConditionOperator.Ne => Compare(value, args[0]) != 0,
            ConditionOperator.Lt => Compare(value, args[0]) < 0,
            ConditionOperator.Le => Compare(value, args[0]) <= 0,
            ConditionOperator.Gt => Compare(value, args[0]) > 0,
            ConditionOperator.Ge => Compare(value, args[0]) >= 0,
            ConditionOperator.In => args.Any(a => Compare(value, a) == 0),
            ConditionOperator.NotIn => !args.Any(a => Compare(value, a) == 0),
            ConditionOperator.Between => Compare(value, args[0]) >= 0 && Compare(value, args[1]) <= 0,
            ConditionOperator.NotBetween => Compare(value, args[0]) < 0 || Compare(value, args[1]) > 0,
            ConditionOperator.Like => Like(value, (string)args[0]),
            ConditionOperator.NotLike => !Like(value, (string)args[0]),
            ConditionOperator.BeginsWith => Like(value, (string)args[0] + "%"),
            ConditionOperator.NotBeginWith => !Like(value, (string)args[0] + "%"),
            ConditionOperator.EndsWith => Like(value, "%" + (string)args[0]),
            ConditionOperator.NotEndWith => !Like(value, "%" + (string)args[0]),
            ConditionOperator.On => DateOf(value) == DateOf(args[0]),
            ConditionOperator.OnOrAfter => DateOf(value) >= DateOf(args[0]),
            ConditionOperator.OnOrBefore => DateOf(value) <= DateOf(args[0]),
            _ => false,
        };
    }

    /// <summary>Lookups compare by the GUID they point at.</summary>
    public static object? Normalize(object? value) => value is EntityReference reference ? reference.Id : value;

    /// <summary>Orders two non-null values of one column type; strings ignore case as SQL Server's collation does.</summary>
    public static int Compare(object left, object right) => (left, right) switch
    {
        (string a, string b) => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
        (Guid a, Guid b) => a.CompareTo(b),
        (bool a, bool b) => a.CompareTo(b),
        (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
        (double a, _) => a.CompareTo(Convert.ToDouble(right, System.Globalization.CultureInfo.InvariantCulture)),
        (_, double b) => Convert.ToDouble(left, System.Globalization.CultureInfo.InvariantCulture).CompareTo(b),
        (int or long or decimal, int or long or decimal) =>
            Convert.ToDecimal(left, System.Globalization.CultureInfo.InvariantCulture)
                .CompareTo(Convert.ToDecimal(right, System.Globalization.CultureInfo.InvariantCulture)),
        _ => string.Compare(Convert.ToString(left, System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToString(right, System.Globalization.CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase),
    };

    private static DateOnly DateOf(object value) => value is DateTimeOffset date
        ? DateOnly.FromDateTime(date.UtcDateTime)
        : throw new InvalidOperationException("Date operators apply only to date and time columns.");

    // T-SQL LIKE: % any run, _ one character, [..] a set or range; brackets also make a wildcard literal.
    private static bool Like(object value, string pattern) =>
        value is string text && Regex.IsMatch(text, LikeToRegex(pattern),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));

    private static string LikeToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '%': regex.Append(".*"); break;
                case '_': regex.Append('.'); break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0) goto default;
                    var set = pattern[(i + 1)..close];
                    regex.Append('[').Append(set.StartsWith('^') ? "^" + Regex.Escape(set[1..]).Replace("\\-", "-") : Regex.Escape(set).Replace("\\-", "-")).Append(']');
                    i = close;
                    break;
                default: regex.Append(Regex.Escape(c.ToString())); break;
            }
        }
        return regex.Append('$').ToString();
    }
}
