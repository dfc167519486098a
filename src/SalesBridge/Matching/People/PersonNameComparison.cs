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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compare(NormalisedPerson lead, NormalisedPerson crm, out FieldComparison first, out FieldComparison last)
    {
        first = First(lead.FirstToken, lead.First, lead.FirstFormal, crm.FirstToken, crm.First, crm.FirstFormal);
        last = Last(lead.Last, lead.LastCompact, lead.LastTokens, crm.Last, crm.LastCompact, crm.LastTokens);
        if (first.Agreement == FieldAgreement.Exact && last.Agreement == FieldAgreement.Exact)
        {
            return;
        }

        if (IsSwapped(lead, crm))
        {
            first = new FieldComparison(FieldAgreement.Close, 0.95f);
            last = new FieldComparison(FieldAgreement.Close, 0.95f);
        }
        else if ((first.Agreement == FieldAgreement.Disagree || last.Agreement == FieldAgreement.Disagree) && IsHalfSwapped(lead, crm, out var singleIsFirst))
        {
            // One side has a single name, which the other side holds in the other field ("Scott Caleb" vs first name
            // "Caleb"): that name agrees, and the field the single-name side lacks stays missing.
            first = singleIsFirst ? new FieldComparison(FieldAgreement.Close, 0.95f) : FieldComparison.Missing;
            last = singleIsFirst ? FieldComparison.Missing : new FieldComparison(FieldAgreement.Close, 0.95f);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsSwapped(NormalisedPerson lead, NormalisedPerson crm)
    {
        if (lead.First.Length == 0 || lead.Last.Length == 0 || crm.First.Length == 0 || crm.Last.Length == 0)
        {
            return false;
        }

        var crossed1 = JaroWinkler.Similarity(lead.First, crm.Last);
        if (crossed1 < 0.92)
        {
            return false;
        }

        var crossed2 = JaroWinkler.Similarity(lead.Last, crm.First);
        if (crossed2 < 0.92)
        {
            return false;
        }

        var straight = JaroWinkler.Similarity(lead.First, crm.First) + JaroWinkler.Similarity(lead.Last, crm.Last);
        return crossed1 + crossed2 > straight + 0.2;
    }

    /// <summary>
    /// One side has only a first or only a last name and the other side has both, the single name matching the
    /// other side's opposite field and not its own.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsHalfSwapped(NormalisedPerson lead, NormalisedPerson crm, out bool singleIsFirst)
    {
        var (single, full) = lead.First.Length > 0 && lead.Last.Length > 0 ? (crm, lead) : (lead, crm);
        singleIsFirst = single.First.Length > 0;
        if (full.First.Length == 0 || full.Last.Length == 0 || (single.First.Length > 0) == (single.Last.Length > 0))
        {
            return false;
        }

        return singleIsFirst
            ? single.First.Length > 1 && JaroWinkler.Similarity(single.First, full.Last) >= 0.92
            : single.Last.Length > 1 && JaroWinkler.Similarity(single.Last, full.First) >= 0.92;
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
