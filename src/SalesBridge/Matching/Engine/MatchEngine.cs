using System.Diagnostics;
using SalesBridge.Matching.Assignment;
using SalesBridge.Matching.Blocking;
using SalesBridge.Matching.Scoring;

namespace SalesBridge.Matching.Engine;

/// <summary>
/// The pipeline both matchers share: normalise every record once, block, compare candidate pairs, learn the
/// Fellegi-Sunter weights by EM, score, assign one-to-one above the threshold, explain every lead.
/// </summary>
internal sealed class MatchEngine<TRecord, TNormalised>(IMatchDomain<TRecord, TNormalised> domain, MatchingOptions options)
{
    public MatchRun Run(IReadOnlyList<TRecord> crm, IReadOnlyList<TRecord> leads, IProgress<MatchProgress>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var threshold = options.Threshold ?? domain.DefaultThreshold;
        var (crmNormal, crmKeys) = Prepare(crm, progress, "normalise crm", cancellationToken);
        var (leadNormal, leadKeys) = Prepare(leads, progress, "normalise leads", cancellationToken);
        var index = BlockingIndex.Build(crmKeys);
        progress?.Report(new MatchProgress("block", crm.Count, crm.Count));

        var (candidates, histogram) = CandidateComparison.Run(domain, crmNormal, leadNormal, leadKeys, index, progress, cancellationToken);
        long pairs = histogram.Values.Sum();
        var model = new FellegiSunterModel(domain.Fields);
        model.Fit(histogram, pairs == 0 ? 0.01 : Math.Min(0.5, 0.8 * Math.Min(leads.Count, crm.Count) / (double)pairs));
        progress?.Report(new MatchProgress("learn", model.Iterations, model.Iterations));

        var probabilities = new Dictionary<int, double>(histogram.Count);
        foreach (var pattern in histogram.Keys)
        {
            probabilities[pattern] = model.Probability(pattern);
        }

        var scored = new List<ScoredPair>();
        for (var l = 0; l < candidates.Length; l++)
        {
            var lead = candidates[l];
            for (var k = 0; k < lead.Count; k++)
            {
                var score = probabilities[lead.Patterns[k]];
                if (score >= threshold)
                {
                    scored.Add(new ScoredPair(l, lead.Crm[k], score, lead.Similarities[k]));
                }
            }
        }

        var crmOfLead = OneToOneAssignment.Assign(scored, leads.Count, crm.Count, options.OneToOne);
        progress?.Report(new MatchProgress("assign", leads.Count, leads.Count));

        var explanations = new ExplanationWriter<TRecord, TNormalised>(domain, model, options, threshold, crm, leads, crmNormal, leadNormal);
        var leadOfCrm = new int[crm.Count];
        Array.Fill(leadOfCrm, -1);
        for (var l = 0; l < crmOfLead.Length; l++)
        {
            if (crmOfLead[l] >= 0 && leadOfCrm[crmOfLead[l]] < 0)
            {
                leadOfCrm[crmOfLead[l]] = l;
            }
        }

        var results = new MatchResult[leads.Count];
        Parallel.For(0, leads.Count, new ParallelOptions { CancellationToken = cancellationToken },
            l => results[l] = explanations.Explain(l, candidates[l], probabilities, crmOfLead[l], leadOfCrm));
        watch.Stop();

        var allPairs = (long)crm.Count * leads.Count;
        var statistics = new MatchStatistics(pairs, allPairs, allPairs == 0 ? 1 : 1 - (pairs / (double)allPairs), model.Iterations, watch.Elapsed, model.Weights());
        return new MatchRun(results, statistics);
    }

    /// <summary>For each lead, the CRM ids blocking proposes: what pair completeness is measured on.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Candidates(IReadOnlyList<TRecord> crm, IReadOnlyList<TRecord> leads, CancellationToken cancellationToken)
    {
        var (_, crmKeys) = Prepare(crm, null, "", cancellationToken);
        var (_, leadKeys) = Prepare(leads, null, "", cancellationToken);
        var index = BlockingIndex.Build(crmKeys);
        var stamps = new int[crm.Count];
        var found = new List<int>();
        var result = new IReadOnlyList<string>[leads.Count];
        for (var l = 0; l < leads.Count; l++)
        {
            found.Clear();
            index.Collect(leadKeys[l], stamps, l + 1, found);
            result[l] = found.Select(c => domain.IdOf(crm[c])).ToArray();
        }

        return result;
    }

    private (TNormalised[] Normal, string[][] Keys) Prepare(IReadOnlyList<TRecord> records, IProgress<MatchProgress>? progress, string stage, CancellationToken cancellationToken)
    {
        var normal = new TNormalised[records.Count];
        var keys = new string[records.Count][];
        Parallel.For(0, records.Count, new ParallelOptions { CancellationToken = cancellationToken }, () => new List<string>(16), (i, _, buffer) =>
        {
            normal[i] = domain.Normalise(records[i]);
            buffer.Clear();
            domain.AddBlockingKeys(normal[i], buffer);
            keys[i] = buffer.Distinct(StringComparer.Ordinal).ToArray();
            return buffer;
        }, _ => { });
        progress?.Report(new MatchProgress(stage, records.Count, records.Count));
        return (normal, keys);
    }
}
