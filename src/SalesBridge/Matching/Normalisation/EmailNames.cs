using System.Runtime.CompilerServices;

namespace SalesBridge.Matching.Normalisation;

/// <summary>
/// The names a mailbox spells out ("jane.doe71@", "j_doe@", "janedoe@" for a known Jane), for records that lack them:
/// many leads arrive as little more than an address. Only missing names are filled, and a filled name is evidence
/// when it agrees but never a disagreement (a mailbox may be a role or a handle).
/// </summary>
public static class EmailNames
{
    /// <summary>An initial and fewer letters than this ("jdo") is more likely a handle than a surname.</summary>
    private const int MinSurnameAfterInitial = 3;

    /// <summary>
    /// First and last name read from a normalised local part; "" where the local part does not say or the name is known.
    /// <paramref name="knownFirst"/> and <paramref name="knownLast"/> are the record's compact names ("" when missing).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (string First, string Last) Guess(string local, string knownFirst, string knownLast)
    {
        if (local.Length == 0 || (knownFirst.Length > 0 && knownLast.Length > 0))
        {
            return ("", "");
        }

        Span<Range> parts = stackalloc Range[4];
        var count = local.AsSpan().SplitAny(parts, ".-_", StringSplitOptions.RemoveEmptyEntries);
        string first = "", last = "";
        if (count == 2)
        {
            var a = Letters(local.AsSpan(parts[0]));
            var b = Letters(local.AsSpan(parts[1]));
            if (a.Length >= 2 && b.Length == 1)
            {
                // "theodore.m": a first name and the surname's initial.
                return (knownFirst.Length == 0 ? a.ToString() : "", "");
            }

            if (a.Length == 0 || b.Length < 2)
            {
                return ("", "");
            }

            // "doe.jane" for a known Doe or Jane: surname first.
            var reversed = (knownLast.Length > 0 && a.SequenceEqual(knownLast)) || (knownFirst.Length > 0 && b.SequenceEqual(knownFirst));
            (first, last) = reversed ? (b.ToString(), a.ToString()) : (a.ToString(), b.ToString());
        }
        else if (count == 1)
        {
            // "janedoe": split only where the record's own name shows where.
            var whole = Letters(local);
            if (knownFirst.Length > 1 && whole.Length >= knownFirst.Length + 2 && whole.StartsWith(knownFirst))
            {
                last = whole[knownFirst.Length..].ToString();
            }
            else if (knownLast.Length > 1 && whole.Length > knownLast.Length && whole.EndsWith(knownLast))
            {
                first = whole[..^knownLast.Length].ToString();
            }
            else if (knownFirst.Length > 1 && whole.Length >= MinSurnameAfterInitial + 1 && whole[0] == knownFirst[0])
            {
                // "ohughes" for a known Oliver: the first name's initial and the surname, the commonest work address.
                last = whole[1..].ToString();
            }
        }

        return (knownFirst.Length == 0 ? first : "", knownLast.Length == 0 ? last : "");
    }

    /// <summary>The part without trailing digits ("doe71" → "doe"); empty when anything else but letters remains.</summary>
    private static ReadOnlySpan<char> Letters(ReadOnlySpan<char> part)
    {
        var end = part.Length;
        while (end > 0 && char.IsAsciiDigit(part[end - 1]))
        {
            end--;
        }

        var letters = part[..end];
        foreach (var c in letters)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return [];
            }
        }

        return letters;
    }
}
