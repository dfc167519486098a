using System.Globalization;
using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.Scoring;

namespace SalesBridge.Matching.Engine;

/// <summary>
/// Turns a lead's decision into its <see cref="MatchResult"/>: the per-field evidence of the chosen (or best) pair with
/// each outcome's learned weight, the runners-up, and one sentence a seat holder can read.
/// </summary>
internal sealed class ExplanationWriter<TRecord, TNormalised>(
    IMatchDomain<TRecord, TNormalised> domain, FellegiSunterModel model, TermFrequencies frequencies, MatchingOptions options, double threshold,
    IReadOnlyList<TRecord> crm, IReadOnlyList<TRecord> leads, TNormalised[] crmNormal, TNormalised[] leadNormal)
{
    public MatchResult Explain(int lead, ScoredCandidates candidates, int assigned, int[] leadOfCrm, TwinFill? fill = null)
    {
        var leadId = domain.IdOf(leads[lead]);
        if (candidates.Count == 0)
        {
            var none = $"No match: no CRM {domain.CrmNoun} shares a blocking key (name, email, phone, company or place) with this lead.";
            return new MatchResult(leadId, null, 0, new MatchExplanation(0, threshold, [], [], none));
        }

        var ranked = Rank(candidates, options.RunnersUp + 1);
        var chosen = assigned >= 0 ? assigned : candidates.Crm[ranked[0]];
        var chosenScore = 0.0;
        var runnersUp = new List<CandidateScore>(options.RunnersUp);
        foreach (var k in ranked)
        {
            var score = candidates.Scores[k];
            if (candidates.Crm[k] == chosen)
            {
                chosenScore = score;
            }
            else if (runnersUp.Count < options.RunnersUp)
            {
                runnersUp.Add(new CandidateScore(domain.IdOf(crm[candidates.Crm[k]]), score));
            }
        }

        if (assigned >= 0 && chosenScore == 0)
        {
            chosenScore = candidates.Scores[Array.IndexOf(candidates.Crm, assigned)];
        }

        var evidence = Evidence(lead, chosen, fill);
        var crmId = domain.IdOf(crm[chosen]);
        var summary = assigned >= 0
            ? $"Matched to CRM {domain.CrmNoun} {crmId} with probability {Format(chosenScore)} (threshold {Format(threshold)}): {Strongest(evidence)}."
            : chosenScore < threshold
                ? $"No match: the best candidate, {domain.CrmNoun} {crmId}, scored {Format(chosenScore)}, below the threshold {Format(threshold)}."
                : leadOfCrm[chosen] >= 0
                    ? $"No match: the best candidate, {domain.CrmNoun} {crmId} ({Format(chosenScore)}), is tied to lead {domain.IdOf(leads[leadOfCrm[chosen]])} by a stronger or equal pair, and no other candidate reached {Format(threshold)}."
                    : $"No match: {domain.CrmNoun} {crmId} and another candidate scored the same ({Format(chosenScore)}), so neither can be chosen safely.";
        if (fill is not null)
        {
            summary += FilledFrom(fill);
        }

        return new MatchResult(leadId, assigned >= 0 ? crmId : null, chosenScore, new MatchExplanation(chosenScore, threshold, evidence, runnersUp, summary));
    }

    /// <summary>" Its first name and email are taken from lead 17, the same person with probability 0.99."</summary>
    private string FilledFrom(TwinFill fill)
    {
        var fields = new List<string>();
        var twins = new SortedSet<string>(StringComparer.Ordinal);
        for (var f = 0; f < fill.From.Length; f++)
        {
            if (fill.Fills(f))
            {
                fields.Add(Describe(domain.Fields[f].Field));
                twins.Add(domain.IdOf(leads[fill.From[f]]));
            }
        }

        var which = fields.Count == 1 ? fields[0] : string.Join(", ", fields[..^1]) + " and " + fields[^1];
        var from = twins.Count == 1 ? $"lead {twins.Min}" : "leads " + string.Join(", ", twins);
        return $" Its {which} {(fields.Count == 1 ? "is" : "are")} taken from {from}, the same person with probability {Format(fill.LinkProbability)} or more.";
    }

    /// <summary>Each field's evidence; a field the lead lacks and a twin fills is compared, and shown, as the twin's.</summary>
    private FieldEvidence[] Evidence(int lead, int crmIndex, TwinFill? fill)
    {
        Span<FieldComparison> comparisons = stackalloc FieldComparison[domain.Fields.Count];
        domain.Compare(leadNormal[lead], crmNormal[crmIndex], comparisons);
        if (fill is not null)
        {
            Span<FieldComparison> twin = stackalloc FieldComparison[domain.Fields.Count];
            TwinEvidence.Fill(domain, fill, leadNormal, crmNormal[crmIndex], comparisons, twin);
        }

        var evidence = new FieldEvidence[comparisons.Length];
        for (var f = 0; f < comparisons.Length; f++)
        {
            var level = comparisons[f].Agreement;
            var weight = model.Weight(f, level);
            var frequencyField = Array.IndexOf(frequencies.Fields, f);
            if (level == FieldAgreement.Exact && frequencyField >= 0)
            {
                // A rare name is stronger evidence than a common one; the adjustment is part of this field's weight.
                weight += frequencies.Adjustment(frequencyField, crmIndex);
            }

            var shownLead = fill is not null && fill.Fills(f) ? leads[fill.From[f]] : leads[lead];
            evidence[f] = new FieldEvidence(domain.Fields[f].Field, domain.Display(shownLead, f), domain.Display(crm[crmIndex], f), level,
                Math.Round(comparisons[f].Similarity, 3), Math.Round(weight, 3));
        }

        return evidence;
    }

    /// <summary>The <paramref name="take"/> best candidates, best first: a selection pass, not a sort of all of them.</summary>
    private static int[] Rank(ScoredCandidates candidates, int take)
    {
        var best = new int[Math.Min(take, candidates.Count)];
        TopSelection.Select(candidates.Count, best, static _ => true, (k, other) =>
            ScoredCandidates.Better(candidates.Scores[k], candidates.Similarities[k], candidates.Scores[other], candidates.Similarities[other]));
        return best;
    }

    /// <summary>
    /// The three fields that added most, strongest first (equal weights in field order). Written without LINQ: it runs
    /// once per lead, and its LINQ buffers and strings were about half of what explaining 20,000 leads allocated (51 MB).
    /// </summary>
    private static string Strongest(FieldEvidence[] evidence)
    {
        Span<int> top = stackalloc int[3];
        var count = TopSelection.Select(evidence.Length, top, f => evidence[f].Weight > 0, (f, other) => evidence[f].Weight > evidence[other].Weight);
        if (count == 0)
        {
            return "no single field stands out";
        }

        var text = new System.Text.StringBuilder(64);
        for (var k = 0; k < count; k++)
        {
            var e = evidence[top[k]];
            text.Append(k == 0 ? "" : ", ").Append(Describe(e.Field)).Append(' ').Append(AgreementWords[(int)e.Agreement]);
        }

        return text.ToString();
    }

    private static readonly string[] AgreementWords = [.. Enum.GetNames<FieldAgreement>().Select(name => name.ToLowerInvariant())];

    private static string Describe(string field) => field switch
    {
        "FirstName" => "first name", "LastName" => "last name", "JobTitle" => "job title", "PostalCode" => "postal code",
        _ => field.ToLowerInvariant(),
    };

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
