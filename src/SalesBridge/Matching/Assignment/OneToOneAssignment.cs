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
    /// <param name="group">Per lead, its group of leads that are one person (null: each lead its own): a CRM record taken
    /// by one lead of a group stays open to the others of that group.</param>
    public static int[] Assign(List<ScoredPair> pairs, int leadCount, int crmCount, bool oneToOne, int[]? group = null)
    {
        // Equal pairs by lead and record, so the outcome does not hang on the order candidates were found in.
        pairs.Sort(static (a, b) =>
            b.Score != a.Score ? b.Score.CompareTo(a.Score)
            : b.Similarity != a.Similarity ? b.Similarity.CompareTo(a.Similarity)
            : a.Lead != b.Lead ? a.Lead.CompareTo(b.Lead)
            : a.Crm.CompareTo(b.Crm));
        var crmOfLead = new int[leadCount];
        Array.Fill(crmOfLead, -1);
        // The group (plus one) that holds each CRM record; 0: free.
        var holder = new int[crmCount];
        var decided = new bool[leadCount];
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            if (decided[pair.Lead] || (oneToOne && !IsOpen(holder, pair.Crm, GroupOf(group, pair.Lead))))
            {
                continue;
            }

            // Twins: the next free candidate of this lead is just as good, so neither can be chosen.
            if (IsTied(pairs, i, holder, group, oneToOne))
            {
                decided[pair.Lead] = true;
                continue;
            }

            decided[pair.Lead] = true;
            crmOfLead[pair.Lead] = pair.Crm;
            holder[pair.Crm] = GroupOf(group, pair.Lead) + 1;
        }

        return crmOfLead;
    }

    private static int GroupOf(int[]? group, int lead) => group is null ? lead : group[lead];

    private static bool IsOpen(int[] holder, int crm, int group) => holder[crm] == 0 || holder[crm] == group + 1;

    private static bool IsTied(List<ScoredPair> pairs, int index, int[] holder, int[]? group, bool oneToOne)
    {
        var pair = pairs[index];
        for (var j = index + 1; j < pairs.Count; j++)
        {
            var other = pairs[j];
            if (other.Score != pair.Score || other.Similarity != pair.Similarity)
            {
                return false;
            }

            if (other.Lead == pair.Lead && other.Crm != pair.Crm && !(oneToOne && !IsOpen(holder, other.Crm, GroupOf(group, pair.Lead))))
            {
                return true;
            }
        }

        return false;
    }
}
