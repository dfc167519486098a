using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.Engine;

namespace SalesBridge.Matching.Scoring;

/// <summary>
/// Agreement patterns of random (lead, CRM) pairs. Almost all random pairs are different people, so their level
/// shares are the u probabilities. Taking u from here rather than from the blocked pairs matters: blocking makes
/// non-matching candidates share surnames, and EM on those alone would learn that a surname means nothing.
/// </summary>
internal static class RandomPairSample
{
    public const int Size = 40_000;

    /// <param name="sameSide">True when <paramref name="crm"/> and <paramref name="leads"/> are the same records: a record is never paired with itself.</param>
    public static Dictionary<int, long> Histogram<TRecord, TNormalised>(IMatchDomain<TRecord, TNormalised> domain, TNormalised[] crm, TNormalised[] leads, bool sameSide = false)
    {
        var histogram = new Dictionary<int, long>();
        if (crm.Length == 0 || leads.Length == 0)
        {
            return histogram;
        }

        var all = (long)crm.Length * leads.Length;
        // Seeded: the same input always learns the same weights.
        var random = new Random(20261126);
        var picks = new List<(int Lead, int Crm)>((int)Math.Min(all, Size));
        if (all <= Size)
        {
            for (var lead = 0; lead < leads.Length; lead++)
            {
                for (var record = 0; record < crm.Length; record++)
                {
                    if (!sameSide || lead != record)
                    {
                        picks.Add((lead, record));
                    }
                }
            }
        }
        else
        {
            while (picks.Count < Size)
            {
                var pick = (Lead: random.Next(leads.Length), Crm: random.Next(crm.Length));
                if (!sameSide || pick.Lead != pick.Crm)
                {
                    picks.Add(pick);
                }
            }
        }

        var size = picks.Count;
        var patterns = new int[size];

        Parallel.For(0, size, () => new FieldComparison[domain.Fields.Count], (i, _, buffer) =>
        {
            domain.Compare(leads[picks[i].Lead], crm[picks[i].Crm], buffer);
            patterns[i] = AgreementPattern.Pack(buffer);
            return buffer;
        }, _ => { });
        foreach (var pattern in patterns)
        {
            histogram[pattern] = histogram.GetValueOrDefault(pattern) + 1;
        }

        return histogram;
    }
}
