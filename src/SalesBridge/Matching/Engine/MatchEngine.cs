using System.Diagnostics;
using SalesBridge.Matching.Assignment;
using SalesBridge.Matching.Blocking;
using SalesBridge.Matching.Scoring;

namespace SalesBridge.Matching.Engine;

/// <summary>
/// The pipeline both matchers share: normalise every record once, block, compare candidate pairs, learn the
/// Fellegi-Sunter weights by EM, score (each pair against the lead having no record: <see cref="RecordPrior"/>),
/// assign one-to-one above the threshold, explain every lead.
/// </summary>
internal sealed class MatchEngine<TRecord, TNormalised>(IMatchDomain<TRecord, TNormalised> domain, MatchingOptions options)
{
    public MatchRun Run(IReadOnlyList<TRecord> crm, IReadOnlyList<TRecord> leads, IProgress<MatchProgress>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var threshold = options.Threshold ?? domain.DefaultThreshold;
        var (crmNormal, index) = PrepareIndexed(crm, progress, cancellationToken);
        // The CRM side's key arrays and the index's sorting buffers are dead now; the normalised records stay.
        StepDone(leads.Count);
        var (leadNormal, leadKeys) = Prepare(leads, seeking: true, progress, "normalise leads", cancellationToken);
        progress?.Report(new MatchProgress("block", crm.Count, crm.Count));
        var searched = domain.SearchedCandidates(crmNormal, leadNormal);
        progress?.Report(new MatchProgress("search", leads.Count, leads.Count));

        var model = new FellegiSunterModel(domain.Fields);
        // Weights a larger run learned, when given and of these fields: scored with as they are, without EM.
        var fittedFrequencies = options.Fitted is { } fitted && model.Use(fitted) ? TermFrequencies.From(domain, crmNormal, fitted) : null;
        if (fittedFrequencies is null)
        {
            model = new FellegiSunterModel(domain.Fields);
            model.EstimateU(RandomPairSample.Histogram(domain, crmNormal, leadNormal));
        }

        var frequencies = fittedFrequencies ?? TermFrequencies.Build(domain, crmNormal, model);
        var (candidates, histogram) = CandidateComparison.Run(domain, crmNormal, leadNormal, leadKeys, index, searched, frequencies, options.CandidateKeepShare, progress, cancellationToken);
        StepDone(leads.Count);
        if (fittedFrequencies is null)
        {
            // Start from "most leads have their record"; EM then finds how many do.
            model.Fit(histogram, 0.8 * Math.Min(leads.Count, crm.Count), Math.Max(1, (long)leads.Count * crm.Count));
        }

        progress?.Report(new MatchProgress("learn", model.Iterations, model.Iterations));

        // The share of leads whose record is on the CRM side: λ over all pairs times the CRM's size, or the whole run's
        // when its weights are reused (a run re-deciding a few changed records has a pre-selected few on its CRM side).
        var recordShare = fittedFrequencies is not null ? options.Fitted!.RecordShare : Math.Min(1, model.MatchShare * crm.Count);
        var prior = new RecordPrior(recordShare, model.MatchShare);
        var logOdds = new Dictionary<int, double>(histogram.Count);
        foreach (var pattern in histogram.Keys)
        {
            logOdds[pattern] = model.LogOdds(pattern);
        }

        // Each lead's candidates scored, the pairs at or above the threshold collected for the assignment, and the
        // candidates cut to what the decision and the explanation still use (ScoredCandidates).
        var scored = new List<ScoredPair>();
        var kept = new ScoredCandidates[candidates.Length];
        for (var l = 0; l < candidates.Length; l++)
        {
            var lead = candidates[l];
            var scores = new double[lead.Count];
            for (var k = 0; k < lead.Count; k++)
            {
                scores[k] = prior.Probability(logOdds[lead.Patterns[k]] + lead.Adjustments[k]);
                if (scores[k] >= threshold)
                {
                    scored.Add(new ScoredPair(l, lead.Crm[k], scores[k], lead.Similarities[k]));
                }
            }

            kept[l] = ScoredCandidates.Keep(lead, scores, options.RunnersUp + 1, threshold);
        }

        // Which CRM records each lead was compared with (the arrays blocking made, not copies): the twins step adds its
        // own, and the run reports them all, so pair completeness and the reduction ratio count every pair compared.
        var compared = Array.ConvertAll(candidates, lead => lead.Crm);
        candidates = [];
        StepDone(leads.Count);

        var (duplicates, fills) = Twins(leads, leadNormal, leadKeys, crmNormal, model, prior, frequencies, kept, compared, scored, threshold, cancellationToken);
        progress?.Report(new MatchProgress("twins", leads.Count, leads.Count));

        var crmOfLead = OneToOneAssignment.Assign(scored, leads.Count, crm.Count, options.OneToOne, duplicates.Group);
        progress?.Report(new MatchProgress("assign", leads.Count, leads.Count));

        var explanations = new ExplanationWriter<TRecord, TNormalised>(domain, model, frequencies, options, threshold, crm, leads, crmNormal, leadNormal);
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
            l => results[l] = explanations.Explain(l, kept[l], crmOfLead[l], leadOfCrm, fills.GetValueOrDefault(l)));
        watch.Stop();

        long pairs = 0;
        foreach (var crmOfPair in compared)
        {
            pairs += crmOfPair.Length;
        }

        var allPairs = (long)crm.Count * leads.Count;
        var statistics = new MatchStatistics(pairs, allPairs, allPairs == 0 ? 1 : 1 - (pairs / (double)allPairs), model.Iterations, watch.Elapsed, model.Weights())
        {
            LeadPairs = duplicates.ComparedPairs, LeadsWithTwins = duplicates.Links.Count(links => links.Length > 0), LeadsFilledFromTwins = fills.Count,
        };
        return new MatchRun(results, statistics)
        {
            Fitted = new FittedModel(model.Weights(), model.MatchShare, frequencies.Table) { RecordShare = recordShare },
            Compared = options.KeepComparedPairs ? Array.ConvertAll(compared, indexes => (IReadOnlyList<string>)Array.ConvertAll(indexes, c => domain.IdOf(crm[c]))) : null,
        };
    }

    /// <summary>
    /// The leads that are one person among themselves (<see cref="LeadDuplicates"/>), and each lead with twins scored
    /// again (<see cref="TwinEvidence"/>: with their fields where it lacks one, against the records they match): its pairs
    /// for the assignment replaced by the new scores, the twins' matches it met added to <paramref name="compared"/>.
    /// </summary>
    private (LeadDuplicates Duplicates, Dictionary<int, TwinFill> Fills) Twins(IReadOnlyList<TRecord> leads, TNormalised[] leadNormal, ulong[][] leadKeys, TNormalised[] crmNormal,
        FellegiSunterModel model, RecordPrior prior, TermFrequencies frequencies, ScoredCandidates[] kept, int[][] compared, List<ScoredPair> scored, double threshold, CancellationToken cancellationToken)
    {
        if (!options.LinkLeadDuplicates)
        {
            return (LeadDuplicates.None(leads.Count), []);
        }

        var unresolved = Array.ConvertAll(kept, lead => Array.TrueForAll(lead.Scores, score => score < threshold));
        var duplicates = LeadDuplicates.Find(domain, leadNormal, leadKeys, kept, unresolved, crmNormal.Length, options.DuplicateThreshold, options.CandidateKeepShare, cancellationToken);
        var rescored = TwinEvidence.Rescore(domain, model, prior, frequencies, leads, leadNormal, crmNormal, duplicates, kept, compared, options.RunnersUp + 1, threshold);
        if (rescored.Count > 0)
        {
            scored.RemoveAll(pair => rescored.ContainsKey(pair.Lead));
            foreach (var lead in rescored.Keys)
            {
                for (var k = 0; k < kept[lead].Count; k++)
                {
                    if (kept[lead].Scores[k] >= threshold)
                    {
                        scored.Add(new ScoredPair(lead, kept[lead].Crm[k], kept[lead].Scores[k], kept[lead].Similarities[k]));
                    }
                }
            }
        }

        var fills = new Dictionary<int, TwinFill>();
        foreach (var (lead, fill) in rescored)
        {
            if (fill is not null)
            {
                fills[lead] = fill;
            }
        }

        return (duplicates, fills);
    }

    /// <summary>
    /// Gives back what a step left dead when asked to (<see cref="MatchingOptions.ReleaseMemoryBetweenSteps"/>) and the run
    /// is large on the leads' side: a run matching a few changed records against a pre-selected crowd holds little.
    /// </summary>
    private void StepDone(int leads)
    {
        if (options.ReleaseMemoryBetweenSteps)
        {
            MatchingMemory.Release(leads);
        }
    }

    /// <summary>For each lead, the CRM ids blocking proposes (after pruning): what pair completeness is measured on.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Candidates(IReadOnlyList<TRecord> crm, IReadOnlyList<TRecord> leads, CancellationToken cancellationToken)
    {
        var (_, crmKeys) = Prepare(crm, seeking: false, null, "", cancellationToken);
        var (_, leadKeys) = Prepare(leads, seeking: true, null, "", cancellationToken);
        var index = BlockingIndex.Build(crmKeys);
        var stamps = new int[crm.Count];
        var weights = new float[crm.Count];
        var found = new List<int>();
        var result = new IReadOnlyList<string>[leads.Count];
        for (var l = 0; l < leads.Count; l++)
        {
            found.Clear();
            index.Collect(leadKeys[l], stamps, weights, l + 1, options.CandidateKeepShare, found);
            result[l] = found.Select(c => domain.IdOf(crm[c])).ToArray();
        }

        return result;
    }

    /// <summary>The keys without repeats (a nickname and its formal name can yield the same key), without a set per record.</summary>
    private static ulong[] Distinct(List<ulong> keys)
    {
        keys.Sort();
        var count = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                keys[count++] = keys[i];
            }
        }

        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(keys)[..count].ToArray();
    }

    /// <summary>
    /// The CRM side normalised and indexed. Its keys live only in the index from here on: the arrays per record are
    /// not kept for the rest of the run, where, at hundreds of thousands of records, they would only take memory.
    /// </summary>
    private (TNormalised[] Normal, BlockingIndex Index) PrepareIndexed(IReadOnlyList<TRecord> crm, IProgress<MatchProgress>? progress, CancellationToken cancellationToken)
    {
        var (normal, keys) = Prepare(crm, seeking: false, progress, "normalise crm", cancellationToken);
        return (normal, BlockingIndex.Build(keys));
    }

    /// <param name="seeking">Leads: they are looked up (by their twins) and look up. The CRM side only holds keys.</param>
    private (TNormalised[] Normal, ulong[][] Keys) Prepare(IReadOnlyList<TRecord> records, bool seeking, IProgress<MatchProgress>? progress, string stage, CancellationToken cancellationToken)
    {
        var normal = new TNormalised[records.Count];
        var keys = new ulong[records.Count][];
        Parallel.For(0, records.Count, new ParallelOptions { CancellationToken = cancellationToken }, () => new List<ulong>(24), (i, _, buffer) =>
        {
            normal[i] = domain.Normalise(records[i]);
            buffer.Clear();
            domain.AddBlockingKeys(normal[i], seeking, buffer);
            keys[i] = Distinct(buffer);
            return buffer;
        }, _ => { });
        progress?.Report(new MatchProgress(stage, records.Count, records.Count));
        return (normal, keys);
    }
}
