using System.Numerics;
using System.Runtime.CompilerServices;

namespace SalesBridge.Matching.Comparison;

/// <summary>
/// Jaro-Winkler similarity (0–1) with the usual 0.1 prefix scale over at most four characters; allocation-free.
/// It is the comparison stage's most called function, so strings of ASCII up to 64 characters (nearly every name,
/// city and company) take a bit-parallel path: one mask per character of the longer string's positions, so each
/// character of the shorter finds its first free partner in the window with a few bit operations instead of a scan.
/// Both paths pair characters the same way (each with the lowest free position in its window), so they give the
/// same value to the last bit.
/// </summary>
public static class JaroWinkler
{
    private const int MaskedLength = 64;

    [ThreadStatic]
    private static ulong[]? maskTable;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (a.SequenceEqual(b))
        {
            return 1;
        }

        if (a.Length > b.Length)
        {
            var swap = a;
            a = b;
            b = swap;
        }

        var (matches, transpositions) = b.Length <= MaskedLength && System.Text.Ascii.IsValid(a) && System.Text.Ascii.IsValid(b)
            ? CountMasked(a, b)
            : CountScanning(a, b);
        if (matches == 0)
        {
            return 0;
        }

        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3.0;
        var prefix = 0;
        while (prefix < 4 && prefix < a.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    /// <summary>Matches and transpositions for ASCII strings, the longer (<paramref name="b"/>) at most 64 characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Matches, int Transpositions) CountMasked(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // One table per thread, and only the entries of the two strings' characters are read, so only they are cleared
        // (clearing 1 KB a call would cost more than the comparison).
        var positions = maskTable ??= new ulong[128];
        foreach (var c in a)
        {
            positions[c] = 0;
        }

        foreach (var c in b)
        {
            positions[c] = 0;
        }

        for (var j = 0; j < b.Length; j++)
        {
            positions[b[j]] |= 1UL << j;
        }

        var window = Math.Max(0, (b.Length / 2) - 1);
        Span<char> matchedA = stackalloc char[a.Length];
        var matches = 0;
        ulong matchedB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var c = a[i];

            // Positions from..to: the bits below to+1 without those below from.
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            var inWindow = (to == 63 ? ulong.MaxValue : (1UL << (to + 1)) - 1) & ~((1UL << from) - 1);
            var free = positions[c] & ~matchedB & inWindow;
            if (free != 0)
            {
                matchedB |= free & (~free + 1);
                matchedA[matches++] = c;
            }
        }

        var transpositions = 0;
        var k = 0;
        while (matchedB != 0)
        {
            var j = BitOperations.TrailingZeroCount(matchedB);
            if (b[j] != matchedA[k++])
            {
                transpositions++;
            }

            matchedB &= matchedB - 1;
        }

        return (matches, transpositions);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Matches, int Transpositions) CountScanning(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var window = Math.Max(0, (b.Length / 2) - 1);
        Span<bool> matchedB = b.Length <= 128 ? stackalloc bool[b.Length] : new bool[b.Length];
        Span<bool> matchedA = a.Length <= 128 ? stackalloc bool[a.Length] : new bool[a.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!matchedB[j] && a[i] == b[j])
                {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length && matches > 0; i++)
        {
            if (!matchedA[i])
            {
                continue;
            }

            while (!matchedB[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        return (matches, transpositions);
    }
}
