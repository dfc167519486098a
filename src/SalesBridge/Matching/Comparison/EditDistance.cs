using System.Runtime.CompilerServices;

namespace SalesBridge.Matching.Comparison;

/// <summary>
/// Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent transpositions) up to a small
/// bound: only the diagonal band of width 2·bound+1 is filled, so a typo check costs a few dozen steps, not n².
/// </summary>
public static class EditDistance
{
    private const int MaxLength = 128;

    /// <summary>The distance when it is at most <paramref name="bound"/> (≤ 3), otherwise <paramref name="bound"/> + 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int bound)
    {
        var over = bound + 1;
        if (Math.Abs(a.Length - b.Length) > bound || a.Length > MaxLength || b.Length > MaxLength)
        {
            return a.SequenceEqual(b) ? 0 : over;
        }

        // Three rows (two back for transpositions); cells outside the band hold "over".
        Span<int> rows = stackalloc int[3 * (MaxLength + 1)];
        var width = b.Length + 1;
        var before = rows[..width];
        var previous = rows.Slice(MaxLength + 1, width);
        var current = rows.Slice(2 * (MaxLength + 1), width);
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
