using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.Normalisation;

namespace SalesBridge.Matching.People;

/// <summary>
/// First and last names compared as people write them: nicknames (Bob = Robert), initials ("J." = John), typos
/// (Jaro-Winkler), double surnames, and first/last swapped ("Wang Li" = "Li Wang").
/// </summary>
internal static class PersonNameComparison
{
    public static void Compare(NormalisedPerson lead, NormalisedPerson crm, out FieldComparison first, out FieldComparison last)
    {
        first = First(lead.FirstToken, lead.First, crm.FirstToken, crm.First);
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
    }

    public static FieldComparison First(string aToken, string a, string bToken, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return FieldComparison.Missing;
        }

        if (a == b || MatchText.Compact(a) == MatchText.Compact(b))
        {
            return FieldComparison.Exact;
        }

        if (NicknameTable.AreEquivalent(aToken, bToken) || aToken == bToken)
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

    private static bool IsSwapped(NormalisedPerson lead, NormalisedPerson crm)
    {
        if (lead.First.Length == 0 || lead.Last.Length == 0 || crm.First.Length == 0 || crm.Last.Length == 0)
        {
            return false;
        }

        var crossed1 = JaroWinkler.Similarity(lead.First, crm.Last);
        var crossed2 = JaroWinkler.Similarity(lead.Last, crm.First);
        if (crossed1 < 0.92 || crossed2 < 0.92)
        {
            return false;
        }

        var straight = JaroWinkler.Similarity(lead.First, crm.First) + JaroWinkler.Similarity(lead.Last, crm.Last);
        return crossed1 + crossed2 > straight + 0.2;
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
