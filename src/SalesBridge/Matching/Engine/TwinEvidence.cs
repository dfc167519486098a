using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.Scoring;

namespace SalesBridge.Matching.Engine;

/// <summary>
/// Where a lead's missing fields were filled from: per field the twin lead (<see cref="LeadDuplicates"/>) whose value
/// stands in (-1: the lead's own, or none to be had), and the weakest link used.
/// </summary>
internal sealed record TwinFill(int[] From, double LinkProbability)
{
    public bool Fills(int field) => From[field] >= 0;
}

/// <summary>
/// A lead with fields missing is scored again with those fields taken from its twins: if lead A is the same person as
/// lead B (probability p), B's email is A's email. Against each candidate (A's own and its twins' matches), the pair's evidence
/// is A's own comparison where A has the field and the twin's where it does not; the score is
/// p·P(match | filled evidence) + (1 − p)·P(match | A's own evidence), the chance the twin is A weighing the two.
/// This works both ways: a twin's first name that agrees lifts a sparse lead to its record, one that differs keeps a
/// sparse lead ("Davies, Birmingham") off another person's record. A lead with no field to fill is still compared with
/// the records its twins match, when blocking did not propose them (names mistyped past every key): by its own evidence.
/// </summary>
internal static class TwinEvidence
{
    /// <param name="compared">Per lead, the CRM records it was compared with (sorted): a rescored lead's twins' matches are added.</param>
    /// <returns>Per lead scored again, its fill (null: none of its fields filled, only its twins' matches compared).</returns>
    public static Dictionary<int, TwinFill?> Rescore<TRecord, TNormalised>(
        IMatchDomain<TRecord, TNormalised> domain, FellegiSunterModel model, RecordPrior prior, TermFrequencies frequencies, IReadOnlyList<TRecord> leads,
        TNormalised[] leadNormal, TNormalised[] crmNormal, LeadDuplicates duplicates, ScoredCandidates[] kept, int[][] compared, int best, double threshold)
    {
        var fillOfRescored = new Dictionary<int, TwinFill?>();
        var rescored = new ScoredCandidates?[kept.Length];
        var fieldCount = domain.Fields.Count;
        Span<FieldComparison> own = stackalloc FieldComparison[fieldCount];
        Span<FieldComparison> twin = stackalloc FieldComparison[fieldCount];
        Span<FieldComparison> filled = stackalloc FieldComparison[fieldCount];
        var nothingFilled = new TwinFill(Enumerable.Repeat(-1, fieldCount).ToArray(), 1);
        for (var lead = 0; lead < kept.Length; lead++)
        {
            var twins = duplicates.Links[lead];
            if (twins.Length == 0)
            {
                continue;
            }

            var plan = Plan(domain, leads, lead, twins);
            var crm = Union(kept, lead, twins, threshold);
            var before = compared[lead];
            compared[lead] = Merge(before, crm);
            if (plan is null && ReferenceEquals(before, compared[lead]))
            {
                // No field to fill and no record its twins match that it has not been compared with already.
                continue;
            }

            var fill = plan ?? nothingFilled;
            var patterns = new int[crm.Length];
            var adjustments = new float[crm.Length];
            var similarities = new float[crm.Length];
            var scores = new double[crm.Length];
            for (var k = 0; k < crm.Length; k++)
            {
                domain.Compare(leadNormal[lead], crmNormal[crm[k]], own);
                own.CopyTo(filled);
                Fill(domain, fill, leadNormal, crmNormal[crm[k]], filled, twin);

                patterns[k] = AgreementPattern.Pack(filled);
                adjustments[k] = frequencies.Adjustment(filled, crm[k]);
                var pooled = prior.Probability(model.LogOdds(patterns[k]) + adjustments[k]);
                var direct = prior.Probability(model.LogOdds(AgreementPattern.Pack(own)) + frequencies.Adjustment(own, crm[k]));
                foreach (var comparison in filled)
                {
                    similarities[k] += comparison.Similarity;
                }

                scores[k] = fill.LinkProbability * pooled + (1 - fill.LinkProbability) * direct;
            }

            rescored[lead] = ScoredCandidates.Keep(new LeadCandidates(crm, patterns, adjustments, similarities), scores, best, threshold);
            fillOfRescored[lead] = plan;
        }

        for (var lead = 0; lead < kept.Length; lead++)
        {
            kept[lead] = rescored[lead] ?? kept[lead];
        }

        return fillOfRescored;
    }

    /// <summary>
    /// Puts each filled field's comparison with <paramref name="crm"/> from its twin into <paramref name="comparisons"/>
    /// (<paramref name="scratch"/> holds a twin's whole comparison; usually one twin fills every gap, compared once).
    /// </summary>
    public static void Fill<TRecord, TNormalised>(IMatchDomain<TRecord, TNormalised> domain, TwinFill fill, TNormalised[] leadNormal, TNormalised crm,
        Span<FieldComparison> comparisons, Span<FieldComparison> scratch)
    {
        var compared = -1;
        for (var f = 0; f < comparisons.Length; f++)
        {
            if (fill.Fills(f))
            {
                if (fill.From[f] != compared)
                {
                    compared = fill.From[f];
                    domain.Compare(leadNormal[compared], crm, scratch);
                }

                comparisons[f] = scratch[f];
            }
        }
    }

    /// <summary>For each field the lead lacks, the most strongly linked twin that has it; null when no twin fills any.</summary>
    private static TwinFill? Plan<TRecord, TNormalised>(IMatchDomain<TRecord, TNormalised> domain, IReadOnlyList<TRecord> leads, int lead, LeadLink[] links)
    {
        int[]? from = null;
        var weakest = 1.0;
        for (var f = 0; f < domain.Fields.Count; f++)
        {
            if (!string.IsNullOrWhiteSpace(domain.Display(leads[lead], f)))
            {
                continue;
            }

            foreach (var link in links)
            {
                if (!string.IsNullOrWhiteSpace(domain.Display(leads[link.Lead], f)))
                {
                    from ??= Enumerable.Repeat(-1, domain.Fields.Count).ToArray();
                    from[f] = link.Lead;
                    weakest = Math.Min(weakest, link.Probability);
                    break;
                }
            }
        }

        return from is null ? null : new TwinFill(from, weakest);
    }

    /// <summary>Two sorted sets of CRM indexes as one, each once (<paramref name="own"/> itself when the other adds none).</summary>
    private static int[] Merge(int[] own, int[] other)
    {
        var added = Array.FindAll(other, c => Array.BinarySearch(own, c) < 0);
        if (added.Length == 0)
        {
            return own;
        }

        var merged = new int[own.Length + added.Length];
        own.CopyTo(merged, 0);
        added.CopyTo(merged, own.Length);
        Array.Sort(merged);
        return merged;
    }

    /// <summary>
    /// The lead's own candidates and the records its twins match (at or above <paramref name="threshold"/>), each once.
    /// Not the twins' runners-up: on fake_1000 they added a fifth to all pairs compared and not one match.
    /// </summary>
    private static int[] Union(ScoredCandidates[] kept, int lead, LeadLink[] links, double threshold)
    {
        var crm = new HashSet<int>(kept[lead].Crm);
        foreach (var link in links)
        {
            var twin = kept[link.Lead];
            for (var k = 0; k < twin.Count; k++)
            {
                if (twin.Scores[k] >= threshold)
                {
                    crm.Add(twin.Crm[k]);
                }
            }
        }

        var result = crm.ToArray();
        Array.Sort(result);
        return result;
    }
}
