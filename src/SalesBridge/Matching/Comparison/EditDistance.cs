using System.Runtime.CompilerServices;

namespace SalesBridge.Matching.Comparison;

/// <summary>
/// Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent transpositions) up to a small
/// bound: a shared start and end are skipped and only the diagonal band of width 2·bound+1 is filled, so a typo check
/// costs a few dozen steps, not n².
/// </summary>
public static class EditDistance
{
    private const int MaxLength = 128;

    /// <summary>The distance when it is at most <paramref name="bound"/> (≤ 3), otherwise <paramref name="bound"/> + 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int bound)
    {
        var over = bound + 1;
        if (Math.Abs(a.Length - b.Length) > bound)
        {
            return over;
        }

        // What both share at the start and the end costs nothing: most pairs of addresses differ only in the middle
        // ("@acme.com" alike), and what is left is short.
        var prefix = a.CommonPrefixLength(b);
        a = a[prefix..];
        b = b[prefix..];
        var suffix = 0;
        while (suffix < a.Length && suffix < b.Length && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        a = a[..^suffix];
        b = b[..^suffix];
        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Min(Math.Max(a.Length, b.Length), over);
        }

        if (a.Length > MaxLength || b.Length > MaxLength)
        {
            return over;
        }

        // Three rows (two back for transpositions); cells outside the band hold "over".
        var width = b.Length + 1;
        Span<int> rows = stackalloc int[3 * width];
        var before = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = Math.Min(j, over);
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current.Fill(over);
            current[0] = Math.Min(i, over);
            var rowBest = current[0];
            var from = Math.Max(1, i - bound);
            var to = Math.Min(b.Length, i + bound);
            for (var j = from; j <= to; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }

                current[j] = Math.Min(value, over);
                rowBest = Math.Min(rowBest, current[j]);
            }

            if (rowBest >= over)
            {
                return over;
            }

            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }
}
