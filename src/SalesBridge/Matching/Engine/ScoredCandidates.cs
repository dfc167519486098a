namespace SalesBridge.Matching.Engine;

/// <summary>
/// A lead's candidates once scored, cut to what its decision and explanation can still use: the best few (the
/// explanation's choice and runners-up) and every one at or above the threshold (the assignment may give the lead any of
/// them), in their compared order. Keeping all of them, several million pairs for a first import, would hold a hundred
/// megabytes through the explanation step for nothing.
/// </summary>
internal sealed class ScoredCandidates(int[] crm, double[] scores, float[] similarities)
{
    public static readonly ScoredCandidates None = new([], [], []);

    public int[] Crm { get; } = crm;
    public double[] Scores { get; } = scores;
    public float[] Similarities { get; } = similarities;
    public int Count => Crm.Length;

    /// <summary>Higher score first; equal scores by summed similarity (ties then keep compared order).</summary>
    public static bool Better(double score, float similarity, double otherScore, float otherSimilarity) =>
        score > otherScore || (score == otherScore && similarity > otherSimilarity);

    /// <summary>The <paramref name="best"/> best of <paramref name="scores"/> and those at or above <paramref name="threshold"/>.</summary>
    public static ScoredCandidates Keep(LeadCandidates candidates, double[] scores, int best, double threshold)
    {
        if (candidates.Count == 0)
        {
            return None;
        }

        var top = new int[Math.Min(best, candidates.Count)];
        var filled = TopSelection.Select(candidates.Count, top, static _ => true,
            (k, other) => Better(scores[k], candidates.Similarities[k], scores[other], candidates.Similarities[other]));
        var keep = new bool[candidates.Count];
        var kept = 0;
        for (var k = 0; k < candidates.Count; k++)
        {
            if (scores[k] >= threshold || Array.IndexOf(top, k, 0, filled) >= 0)
            {
                keep[k] = true;
                kept++;
            }
        }

        var crm = new int[kept];
        var keptScores = new double[kept];
        var similarities = new float[kept];
        for (int k = 0, at = 0; k < candidates.Count; k++)
        {
            if (keep[k])
            {
                (crm[at], keptScores[at], similarities[at]) = (candidates.Crm[k], scores[k], candidates.Similarities[k]);
                at++;
            }
        }

        return new ScoredCandidates(crm, keptScores, similarities);
    }
}
