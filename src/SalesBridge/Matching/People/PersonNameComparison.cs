using System.Runtime.CompilerServices;
using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.Normalisation;

namespace SalesBridge.Matching.People;

/// <summary>
/// First and last names compared as people write them: nicknames (Bob = Robert), initials ("J." = John), typos
/// (Jaro-Winkler), double surnames, and first/last swapped ("Wang Li" = "Li Wang").
/// </summary>
internal static class PersonNameComparison
{
    /// <summary>Two edits in a shorter name make another name ("Marta"/"Maria" is one); at seven letters they rarely do.</summary>
    private const int MinLengthForTwoEdits = 7;

    /// <summary>How near a swapped name must be when the other swapped name is equal (the first-name Partial level).</summary>
    private const double SlipBesideEqualName = 0.85;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compare(NormalisedPerson lead, NormalisedPerson crm, out FieldComparison first, out FieldComparison last)
    {
        first = Jumbled(First(lead.FirstToken, lead.First, lead.FirstFormal, crm.FirstToken, crm.First, crm.FirstFormal),
            lead.First, lead.FirstLetters, crm.First, crm.FirstLetters);
        last = Jumbled(Last(lead.Last, lead.LastCompact, lead.LastTokens, crm.Last, crm.LastCompact, crm.LastTokens),
            lead.LastCompact, lead.LastLetters, crm.LastCompact, crm.LastLetters);
        if (first.Agreement == FieldAgreement.Exact && last.Agreement == FieldAgreement.Exact)
        {
            return;
        }

        if (IsSwapped(lead, crm, out var crossedFirst, out var crossedLast))
        {
            first = crossedFirst;
            last = crossedLast;
        }
        else if ((first.Agreement == FieldAgreement.Disagree || last.Agreement == FieldAgreement.Disagree) && IsHalfSwapped(lead, crm, out var singleIsFirst, out var crossed))
        {
            // One side has a single name, which the other side holds in the other field ("Scott Caleb" vs first name
            // "Caleb"): that name agrees, and the field the single-name side lacks stays missing.
            first = singleIsFirst ? crossed : FieldComparison.Missing;
            last = singleIsFirst ? FieldComparison.Missing : crossed;
        }

        // A name read from a mailbox only ever adds evidence: the mailbox may be a role or a nickname.
        if (first.Agreement == FieldAgreement.Disagree && (lead.FirstFromEmail || crm.FirstFromEmail))
        {
            first = FieldComparison.Missing;
        }

        if (last.Agreement == FieldAgreement.Disagree && (lead.LastFromEmail || crm.LastFromEmail))
        {
            last = FieldComparison.Missing;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FieldComparison First(string aToken, string a, string[] aFormal, string bToken, string b, string[] bFormal)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return FieldComparison.Missing;
        }

        if (a == b || MatchText.Compact(a) == MatchText.Compact(b))
        {
            // Two equal initials: one letter in 26, not a name's worth of evidence.
            return aToken.Length == 1 && bToken.Length == 1 ? new FieldComparison(FieldAgreement.Partial, 0.7f) : FieldComparison.Exact;
        }

        if (aToken == bToken || SharesToken(aFormal, bFormal))
        {
            return new FieldComparison(FieldAgreement.Close, 0.95f);
        }

        // An initial against a name with that initial ("J" vs "John"): consistent, but weak.
        if ((aToken.Length == 1 || bToken.Length == 1) && aToken[0] == bToken[0])
        {
            return new FieldComparison(FieldAgreement.Partial, 0.7f);
        }

        return FieldComparison.BySimilarity(JaroWinkler.Similarity(a, b), close: 0.92, partial: 0.85);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FieldComparison Last(string a, string aCompact, string[] aTokens, string b, string bCompact, string[] bTokens)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return FieldComparison.Missing;
        }

        if (aCompact == bCompact)
        {
            return FieldComparison.Exact;
        }

        var similarity = JaroWinkler.Similarity(aCompact, bCompact);
        if (similarity < 0.92 && (aTokens.Length > 1 || bTokens.Length > 1) && SharesToken(aTokens, bTokens))
        {
            // "García López" vs "García": one of a double surname.
            return new FieldComparison(FieldAgreement.Close, 0.9f);
        }

        return FieldComparison.BySimilarity(similarity, close: 0.92, partial: 0.84);
    }

    /// <summary>
    /// A disagreement by Jaro-Winkler that holds the same letters but one ("Josen"/"Jones", "Fisreh"/"Fisher"), or a
    /// long name two edits away with its first letter changed ("nJohnston"/"Johnstn"), is a slip Jaro-Winkler's
    /// window and prefix bonus miss: Partial, the weakest agreement.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static FieldComparison Jumbled(FieldComparison byCharacters, string a, int aLetters, string b, int bLetters) =>
        byCharacters.Agreement == FieldAgreement.Disagree && IsJumbled(a, aLetters, b, bLetters)
            ? new FieldComparison(FieldAgreement.Partial, byCharacters.Similarity)
            : byCharacters;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsJumbled(string a, int aLetters, string b, int bLetters) =>
        LetterBag.WithinOneLetter(a, aLetters, b, bLetters)
        || (Math.Min(a.Length, b.Length) >= MinLengthForTwoEdits && LetterBag.SetsWithin(aLetters, bLetters, edits: 2) && EditDistance.Bounded(a, b, 2) <= 2);

    /// <summary>
    /// One name against the other side's opposite field: Close as a plain swap; Partial with letters jumbled or as an
    /// initial ("Curtis Maya" against "M. Curtis", the initial often read from a mailbox); else none.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static FieldComparison Crossed(string a, int aLetters, string b, int bLetters, out double similarity)
    {
        similarity = JaroWinkler.Similarity(a, b);
        return similarity >= 0.92 ? new FieldComparison(FieldAgreement.Close, 0.95f)
            : LetterBag.WithinOneLetter(a, aLetters, b, bLetters) || ((a.Length == 1 || b.Length == 1) && a[0] == b[0])
                ? new FieldComparison(FieldAgreement.Partial, (float)similarity)
            : FieldComparison.Disagree;
    }

    /// <summary>
    /// Both sides have both names and each name matches the other side's opposite field better than its own, each
    /// crossed pair within a slip (Jaro-Winkler) or holding the same letters but one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsSwapped(NormalisedPerson lead, NormalisedPerson crm, out FieldComparison first, out FieldComparison last)
    {
        first = last = FieldComparison.Disagree;
        if (lead.First.Length == 0 || lead.Last.Length == 0 || crm.First.Length == 0 || crm.Last.Length == 0)
        {
            return false;
        }

        first = Crossed(lead.First, lead.FirstLetters, crm.Last, crm.LastLetters, out var crossed1);
        if (first.Agreement == FieldAgreement.Disagree && !NearBesideEqualName(lead.First, crm.Last, crossed1))
        {
            return false;
        }

        last = Crossed(lead.Last, lead.LastLetters, crm.First, crm.FirstLetters, out var crossed2);
        if (last.Agreement == FieldAgreement.Disagree && !NearBesideEqualName(lead.Last, crm.First, crossed2))
        {
            return false;
        }

        // One name equal to the other side's opposite field makes the swap plain; the other then needs only to be near
        // ("Day Henry" / "Henry Dy": short names Jaro-Winkler keeps below a slip).
        if (first.Agreement == FieldAgreement.Disagree || last.Agreement == FieldAgreement.Disagree)
        {
            if (Math.Max(crossed1, crossed2) < 1)
            {
                return false;
            }

            first = first.Agreement == FieldAgreement.Disagree ? new FieldComparison(FieldAgreement.Partial, (float)crossed1) : first;
            last = last.Agreement == FieldAgreement.Disagree ? new FieldComparison(FieldAgreement.Partial, (float)crossed2) : last;
        }

        var straight = JaroWinkler.Similarity(lead.First, crm.First) + JaroWinkler.Similarity(lead.Last, crm.Last);
        return crossed1 + crossed2 > straight + 0.2;
    }

    /// <summary>Near enough to count when the other swapped name is equal: a first-name Partial by Jaro-Winkler, or one edit (whose window misses "Dy" for "Day").</summary>
    private static bool NearBesideEqualName(string a, string b, double similarity) =>
        similarity >= SlipBesideEqualName || (Math.Min(a.Length, b.Length) >= 2 && EditDistance.Bounded(a, b, 1) <= 1);

    /// <summary>
    /// One side has only a first or only a last name and the other side has both, the single name matching the
    /// other side's opposite field (<paramref name="crossed"/>: how well) and not its own.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsHalfSwapped(NormalisedPerson lead, NormalisedPerson crm, out bool singleIsFirst, out FieldComparison crossed)
    {
        crossed = FieldComparison.Disagree;
        var (single, full) = lead.First.Length > 0 && lead.Last.Length > 0 ? (crm, lead) : (lead, crm);
        singleIsFirst = single.First.Length > 0;
        if (full.First.Length == 0 || full.Last.Length == 0 || (single.First.Length > 0) == (single.Last.Length > 0))
        {
            return false;
        }

        var (name, letters, other, otherLetters) = singleIsFirst
            ? (single.First, single.FirstLetters, full.Last, full.LastLetters)
            : (single.Last, single.LastLetters, full.First, full.FirstLetters);
        if (name.Length > 1)
        {
            crossed = Crossed(name, letters, other, otherLetters, out _);
        }

        return crossed.Agreement != FieldAgreement.Disagree;
    }

    private static bool SharesToken(string[] a, string[] b)
    {
        foreach (var token in a)
        {
            if (token.Length > 1 && Array.IndexOf(b, token) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
