using System.Collections.Concurrent;
using SalesBridge.Matching.Blocking;
using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.Scoring;

namespace SalesBridge.Matching.Engine;

/// <summary>
/// The leads that are one person among themselves. A lead list often holds a person twice (two exports, a typo'd
/// copy); such twins may share one CRM record under the one-to-one rule (<c>OneToOneAssignment</c>), and fill each
/// other's missing fields (<see cref="TwinEvidence"/>).
/// Two leads are compared when they share a CRM candidate left after scoring (the best few and those at or above the
/// threshold): twins that matter point at the same record. A lead with no candidate at the threshold is also compared
/// with the leads sharing one of its blocking keys (pruned as CRM candidates are), since its twin may have found the
/// record it could not. In `matching-speed` (20,000 leads) that is 36,221 lead pairs (60,776 before pruning), against
/// 293,502 when every lead is blocked against every other. The pairs are scored by their own Fellegi-Sunter model (u
/// from random lead pairs, m and the share of twins by EM): how often a list repeats a person says nothing about how
/// often a lead is in the CRM. A pair at or above the threshold is a link.
/// </summary>
internal sealed class LeadDuplicates
{
    private LeadDuplicates(LeadLink[][] links, int[] group, long pairs)
    {
        Links = links;
        Group = group;
        ComparedPairs = pairs;
    }

    /// <summary>Per lead, the other leads it is linked to with the link's probability, strongest first.</summary>
    public LeadLink[][] Links { get; }

    /// <summary>Per lead, its group: the leads joined by links (a lead with none is a group of its own).</summary>
    public int[] Group { get; }

    /// <summary>Lead pairs compared (each pair once per direction).</summary>
    public long ComparedPairs { get; }

    public static LeadDuplicates None(int leads) => new(Enumerable.Repeat(Array.Empty<LeadLink>(), leads).ToArray(), Enumerable.Range(0, leads).ToArray(), 0);

    /// <param name="unresolved">Per lead, whether it has no candidate at or above the threshold: such a lead is also
    /// compared with the leads sharing one of its blocking keys (<paramref name="keys"/>), since its twin may have found
    /// the record it could not.</param>
    public static LeadDuplicates Find<TRecord, TNormalised>(IMatchDomain<TRecord, TNormalised> domain, TNormalised[] leads, ulong[][] keys, ScoredCandidates[] kept,
        bool[] unresolved, int crmCount, double threshold, double keepShare, CancellationToken cancellationToken)
    {
        if (leads.Length < 2)
        {
            return None(leads.Length);
        }

        var (starts, keepers) = LeadsByCandidate(kept, crmCount);
        var index = unresolved.Contains(true) ? BlockingIndex.Build(keys) : null;
        var model = new FellegiSunterModel(domain.Fields);
        model.EstimateU(RandomPairSample.Histogram(domain, leads, leads, sameSide: true));
        var frequencies = TermFrequencies.Build(domain, leads, model);

        var others = new int[leads.Length][];
        var patterns = new int[leads.Length][];
        var adjustments = new float[leads.Length][];
        var histograms = new ConcurrentBag<Dictionary<int, long>>();
        Parallel.ForEach(Partitioner.Create(0, leads.Length, Math.Max(64, leads.Length / (Environment.ProcessorCount * 8) + 1)),
            new ParallelOptions { CancellationToken = cancellationToken },
            () => (Stamps: new int[leads.Length], Weights: new float[leads.Length], Found: new List<int>(), Histogram: new Dictionary<int, long>(), Comparisons: new FieldComparison[domain.Fields.Count]),
            (range, _, worker) =>
            {
                for (var l = range.Item1; l < range.Item2; l++)
                {
                    worker.Found.Clear();
                    worker.Stamps[l] = l + 1;
                    foreach (var crm in kept[l].Crm)
                    {
                        for (var i = starts[crm]; i < starts[crm + 1]; i++)
                        {
                            if (worker.Stamps[keepers[i]] != l + 1)
                            {
                                worker.Stamps[keepers[i]] = l + 1;
                                worker.Found.Add(keepers[i]);
                            }
                        }
                    }

                    if (unresolved[l])
                    {
                        // Pruned like the CRM candidates, on their own: the leads found through kept candidates are all compared.
                        var shared = worker.Found.Count;
                        index!.Collect(keys[l], worker.Stamps, worker.Weights, l + 1, keepShare, worker.Found, from: shared);
                    }

                    others[l] = [.. worker.Found];
                    patterns[l] = new int[worker.Found.Count];
                    adjustments[l] = new float[worker.Found.Count];
                    for (var k = 0; k < worker.Found.Count; k++)
                    {
                        domain.Compare(leads[l], leads[worker.Found[k]], worker.Comparisons);
                        patterns[l][k] = AgreementPattern.Pack(worker.Comparisons);
                        adjustments[l][k] = frequencies.Adjustment(worker.Comparisons, worker.Found[k]);

                        worker.Histogram[patterns[l][k]] = worker.Histogram.GetValueOrDefault(patterns[l][k]) + 1;
                    }
                }

                return worker;
            },
            worker => histograms.Add(worker.Histogram));

        var histogram = new Dictionary<int, long>();
        long pairs = 0;
        foreach (var part in histograms)
        {
            foreach (var (pattern, count) in part)
            {
                histogram[pattern] = histogram.GetValueOrDefault(pattern) + count;
                pairs += count;
            }
        }

        // Start from "one lead in ten has a twin"; EM finds how many do.
        model.Fit(histogram, 0.1 * leads.Length, Math.Max(1, (long)leads.Length * (leads.Length - 1)));
        return Linked(model, others, patterns, adjustments, threshold, pairs);
    }

    /// <summary>For each CRM record (by index), the leads that kept it as a candidate: a counting sort, no list per record.</summary>
    private static (int[] Starts, int[] Leads) LeadsByCandidate(ScoredCandidates[] kept, int crmCount)
    {
        var starts = new int[crmCount + 1];
        foreach (var lead in kept)
        {
            foreach (var crm in lead.Crm)
            {
                starts[crm + 1]++;
            }
        }

        for (var c = 0; c < crmCount; c++)
        {
            starts[c + 1] += starts[c];
        }

        var next = starts[..^1].ToArray();
        var leads = new int[starts[crmCount]];
        for (var l = 0; l < kept.Length; l++)
        {
            foreach (var crm in kept[l].Crm)
            {
                leads[next[crm]++] = l;
            }
        }

        return (starts, leads);
    }

    private static LeadDuplicates Linked(FellegiSunterModel model, int[][] others, int[][] patterns, float[][] adjustments, double threshold, long pairs)
    {
        var links = new LeadLink[others.Length][];
        var parent = Enumerable.Range(0, others.Length).ToArray();
        for (var l = 0; l < others.Length; l++)
        {
            List<LeadLink>? found = null;
            for (var k = 0; k < others[l].Length; k++)
            {
                var probability = FellegiSunterModel.ToProbability(model.LogOdds(patterns[l][k]) + adjustments[l][k]);
                if (probability >= threshold)
                {
                    (found ??= []).Add(new LeadLink(others[l][k], probability));
                    Union(parent, l, others[l][k]);
                }
            }

            links[l] = found is null ? [] : [.. found.OrderByDescending(link => link.Probability).ThenBy(link => link.Lead)];
        }

        var group = new int[others.Length];
        for (var l = 0; l < others.Length; l++)
        {
            group[l] = Root(parent, l);
        }

        return new LeadDuplicates(links, group, pairs);
    }

    private static int Root(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var (ra, rb) = (Root(parent, a), Root(parent, b));
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}

/// <summary>A link from one lead to another lead judged the same person, with that probability.</summary>
internal readonly record struct LeadLink(int Lead, double Probability);
