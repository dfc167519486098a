using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Query;

/// <summary>
/// Compares column values the way Dataverse's SQL Server does: strings case-insensitively (the default collation),
/// numbers across integer and decimal types, lookups by the id they hold. Nulls sort first.
/// </summary>
internal static class ValueComparer
{
    public static int Compare(object? left, object? right)
    {
        if (left is null) return right is null ? 0 : -1;
        if (right is null) return 1;
        if (left is EntityReference l) left = l.Id;
        if (right is EntityReference r) right = r.Id;
        return (left, right) switch
        {
            (string a, string b) => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
            (Guid a, Guid b) => a.CompareTo(b),
            (int a, int b) => a.CompareTo(b),
            (long a, long b) => a.CompareTo(b),
            (decimal a, decimal b) => a.CompareTo(b),
            (bool a, bool b) => a.CompareTo(b),
            (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
            (double a, _) when IsNumber(right) => a.CompareTo(System.Convert.ToDouble(right)),
            (_, double b) when IsNumber(left) => System.Convert.ToDouble(left).CompareTo(b),
            _ when IsNumber(left) && IsNumber(right) => System.Convert.ToDecimal(left).CompareTo(System.Convert.ToDecimal(right)),
            _ => string.Compare(System.Convert.ToString(left, System.Globalization.CultureInfo.InvariantCulture),
                System.Convert.ToString(right, System.Globalization.CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase),
        };
    }

    private static bool IsNumber(object value) => value is int or long or decimal or double;
}
