using System.Numerics;
using System.Runtime.CompilerServices;

namespace SalesBridge.Matching.Comparison;

/// <summary>
/// Names compared as the letters they hold, ignoring order. Typing slips that Jaro-Winkler punishes hard keep the
/// letters: two letters swapped far apart ("Josen"/"Jones", "Wheti"/"White"), a letter doubled or dropped
/// ("PaPge"/"Page"), one letter hit for another. Two different names of some length rarely share all their letters
/// but one, so this is a weak agreement level, not a close one: EM learns what it is worth.
/// </summary>
public static class LetterBag
{
    /// <summary>Shorter words share too many letters by chance ("ann"/"nan").</summary>
    public const int MinLength = 4;

    /// <summary>
    /// True when each side has at most one letter the other lacks (counting repeats) and both have at least
    /// <see cref="MinLength"/> letters a–z: one insertion, deletion or substitution, plus any reordering.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool WithinOneLetter(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || Math.Min(a.Length, b.Length) < MinLength)
        {
            return false;
        }

        Span<int> counts = stackalloc int[26];
        counts.Clear();
        var lettersA = Count(a, counts, 1);
        var lettersB = Count(b, counts, -1);
        if (Math.Min(lettersA, lettersB) < MinLength)
        {
            return false;
        }

        int onlyA = 0, onlyB = 0;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                onlyA += count;
            }
            else
            {
                onlyB -= count;
            }
        }

        return onlyA <= 1 && onlyB <= 1;
    }

    /// <summary>
    /// <see cref="WithinOneLetter(ReadOnlySpan{char}, ReadOnlySpan{char})"/> with both letter sets known: sets more
    /// than two letters apart cannot be, which rules out almost every pair of different names for the price of an XOR.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool WithinOneLetter(ReadOnlySpan<char> a, int aSet, ReadOnlySpan<char> b, int bSet) =>
        SetsWithin(aSet, bSet, edits: 1) && WithinOneLetter(a, b);

    /// <summary>
    /// False when two texts' letter sets differ in more letters than <paramref name="edits"/> edits can change (two
    /// each: a substitution drops one letter and brings another), so the texts cannot be that close.
    /// </summary>
    public static bool SetsWithin(int aSet, int bSet, int edits) => SetsWithin((ulong)(uint)aSet, (uint)bSet, edits);

    /// <summary><see cref="SetsWithin(int, int, int)"/> for 64-bit character sets (an email address's, <see cref="Normalisation.EmailAddress.CharacterSet"/>).</summary>
    public static bool SetsWithin(ulong aSet, ulong bSet, int edits) => BitOperations.PopCount(aSet ^ bSet) <= 2 * edits;

    /// <summary>
    /// The set of letters a–z in the text as 26 bits, for blocking: order, repeats and doubled letters do not change
    /// it, so "tElliot"/"Elliot", "PaPge"/"Page" and "oiVlet"/"Violet" share it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int LetterSet(ReadOnlySpan<char> text)
    {
        var set = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterLower(c))
            {
                set |= 1 << (c - 'a');
            }
        }

        return set;
    }

    private static int Count(ReadOnlySpan<char> text, Span<int> counts, int sign)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterLower(c))
            {
                counts[c - 'a'] += sign;
                letters++;
            }
        }

        return letters;
    }
}
