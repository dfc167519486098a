namespace SalesBridge.Matching.Assignment;

/// <summary>A candidate pair that reached the threshold, with the score and its tie-breaker (summed field similarity).</summary>
public readonly record struct ScoredPair(int Lead, int Crm, double Score, float Similarity);

/// <summary>
/// Ties leads to CRM records so that no CRM record is taken twice: pairs are taken best first (score, then summed
/// similarity), a pair whose lead or record is already tied is skipped. Greedy is the optimum here in practice
/// because true pairs score near 1 and conflicts are between a true pair and a weaker namesake: the best pair
/// wins and the loser falls back to its own next candidate above the threshold. A lead whose two best
/// candidates are indistinguishable is left unmatched: guessing between twins costs precision.
/// </summary>
public static class OneToOneAssignment
{
    public static int[] Assign(List<ScoredPair> pairs, int leadCount, int crmCount, bool oneToOne)
    {
        // Equal pairs by lead and record, so the outcome does not hang on the order candidates were found in.
        pairs.Sort(static (a, b) =>
            b.Score != a.Score ? b.Score.CompareTo(a.Score)
            : b.Similarity != a.Similarity ? b.Similarity.CompareTo(a.Similarity)
            : a.Lead != b.Lead ? a.Lead.CompareTo(b.Lead)
            : a.Crm.CompareTo(b.Crm));
        var crmOfLead = new int[leadCount];
        Array.Fill(crmOfLead, -1);
        var taken = new bool[crmCount];
        var decided = new bool[leadCount];
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            if (decided[pair.Lead] || (oneToOne && taken[pair.Crm]))
            {
                continue;
            }

            // Twins: the next free candidate of this lead is just as good, so neither can be chosen.
            if (IsTied(pairs, i, taken, oneToOne))
            {
                decided[pair.Lead] = true;
                continue;
            }

            decided[pair.Lead] = true;
            crmOfLead[pair.Lead] = pair.Crm;
            taken[pair.Crm] = true;
        }

        return crmOfLead;
    }

    private static bool IsTied(List<ScoredPair> pairs, int index, bool[] taken, bool oneToOne)
    {
        var pair = pairs[index];
        for (var j = index + 1; j < pairs.Count; j++)
        {
            var other = pairs[j];
            if (other.Score != pair.Score || other.Similarity != pair.Similarity)
            {
                return false;
            }

            if (other.Lead == pair.Lead && other.Crm != pair.Crm && !(oneToOne && taken[other.Crm]))
            {
                return true;
            }
        }

        return false;
    }
}
