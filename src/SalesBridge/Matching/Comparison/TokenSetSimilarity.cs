namespace SalesBridge.Matching.Comparison;

/// <summary>
/// How much two token sets overlap, with near-identical tokens (Jaro-Winkler ≥ 0.92) counted as shared: the share of
/// the smaller set found in the larger. Word order and extra words ("Senior", "Group") barely matter.
/// </summary>
public static class TokenSetSimilarity
{
    public static double Similarity(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var (small, large) = a.Length <= b.Length ? (a, b) : (b, a);
        double shared = 0;
        foreach (var token in small)
        {
            var best = 0.0;
            foreach (var other in large)
            {
                if (token == other)
                {
                    best = 1;
                    break;
                }

                var similarity = JaroWinkler.Similarity(token, other);
                if (similarity >= 0.92 && similarity > best)
                {
                    best = similarity;
                }
            }

            shared += best;
        }

        // Penalise a little for unmatched extra tokens so "Acme" vs "Acme Steel Pipe Works" is not a full match.
        var containment = shared / small.Length;
        var jaccard = shared / (small.Length + large.Length - shared);
        return (0.75 * containment) + (0.25 * jaccard);
    }
}
