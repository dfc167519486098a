using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SalesBridge.Matching.Blocking;
using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.Scoring;

namespace SalesBridge.Matching.Engine;

/// <summary>
/// For every lead, the CRM records sharing a blocking key (the weakly tied ones pruned: <see cref="BlockingIndex.Collect"/>),
/// each compared field by field once. Runs in parallel over ranges of leads; each worker has its own stamp and weight
/// arrays (dedupe and weighing without hashing) and pattern histogram for EM.
/// </summary>
internal static class CandidateComparison
{
    public static (LeadCandidates[] Candidates, Dictionary<int, long> Histogram) Run<TRecord, TNormalised>(
        IMatchDomain<TRecord, TNormalised> domain, TNormalised[] crm, TNormalised[] leads, ulong[][] leadKeys, BlockingIndex index, int[]?[]? searched,
        TermFrequencies frequencies, double keepShare, IProgress<MatchProgress>? progress, CancellationToken cancellationToken)
    {
        var candidates = new LeadCandidates[leads.Length];
        if (leads.Length == 0)
        {
            return (candidates, []);
        }

        var histograms = new ConcurrentBag<Dictionary<int, long>>();
        long done = 0;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.ForEach(
            Partitioner.Create(0, leads.Length, Math.Max(64, leads.Length / (Environment.ProcessorCount * 8) + 1)),
            options,
            () => new Worker(crm.Length),
            (range, state, worker) =>
            {
                CompareRange(domain, crm, leads, leadKeys, index, searched, frequencies, keepShare, range.Item1, range.Item2, worker, candidates);
                var total = Interlocked.Add(ref done, range.Item2 - range.Item1);
                progress?.Report(new MatchProgress("compare", total, leads.Length));
                return worker;
            },
            worker => histograms.Add(worker.Histogram));

        var histogram = new Dictionary<int, long>();
        foreach (var part in histograms)
        {
            foreach (var (pattern, count) in part)
            {
                histogram[pattern] = histogram.GetValueOrDefault(pattern) + count;
            }
        }

        return (candidates, histogram);
    }

    // Runs once per range, so tiered compilation would leave it unoptimised for much of a run: optimise at once.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CompareRange<TRecord, TNormalised>(
        IMatchDomain<TRecord, TNormalised> domain, TNormalised[] crm, TNormalised[] leads, ulong[][] leadKeys, BlockingIndex index, int[]?[]? searched,
        TermFrequencies frequencies, double keepShare, int from, int to, Worker worker, LeadCandidates[] candidates)
    {
        Span<FieldComparison> comparisons = stackalloc FieldComparison[domain.Fields.Count];
        for (var l = from; l < to; l++)
        {
            worker.Found.Clear();
            index.Collect(leadKeys[l], worker.Stamps, worker.Weights, l + 1, keepShare, worker.Found);
            if (searched?[l] is { } more)
            {
                // Found by the domain's search, not by shared keys: compared whatever the pruning kept.
                foreach (var record in more)
                {
                    if (worker.Stamps[record] != l + 1)
                    {
                        worker.Stamps[record] = l + 1;
                        worker.Found.Add(record);
                    }
                }
            }

            if (worker.Found.Count == 0)
            {
                candidates[l] = LeadCandidates.None;
                continue;
            }

            // In record order: records normalised one after another lie near each other in memory, which the comparisons
            // then read in one sweep instead of jumping about (each pair reads a dozen strings of its CRM record).
            var crmIndexes = worker.Found.ToArray();
            Array.Sort(crmIndexes);
            var patterns = new int[crmIndexes.Length];
            var similarities = new float[crmIndexes.Length];
            var adjustments = new float[crmIndexes.Length];
            for (var k = 0; k < crmIndexes.Length; k++)
            {
                domain.Compare(leads[l], crm[crmIndexes[k]], comparisons);
                var similarity = 0f;
                foreach (var comparison in comparisons)
                {
                    similarity += comparison.Similarity;
                }

                patterns[k] = AgreementPattern.Pack(comparisons);
                adjustments[k] = frequencies.Adjustment(comparisons, crmIndexes[k]);

                similarities[k] = similarity;
                ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(worker.Histogram, patterns[k], out _);
                count++;
            }

            candidates[l] = new LeadCandidates(crmIndexes, patterns, adjustments, similarities);
        }
    }

    private sealed class Worker(int crmCount)
    {
        public int[] Stamps { get; } = new int[crmCount];
        public float[] Weights { get; } = new float[crmCount];
        public List<int> Found { get; } = new(256);
        public Dictionary<int, long> Histogram { get; } = [];
    }
}
