using SalesBridge.Matching;

namespace SalesBridge.Benchmarks.Scenarios.Matching;

/// <summary>A matching problem with its answer: for each lead id, the CRM id it truly belongs to (absent: none).</summary>
public sealed record LabelledMatchSet<TRecord>(string Name, IReadOnlyList<TRecord> Crm, IReadOnlyList<TRecord> Leads, IReadOnlyDictionary<string, string> Truth);

/// <summary>
/// Precision, recall and F1 of a run against the truth; pair completeness (the share of leads with a true record that
/// were compared with it) and the reduction ratio of the pairs compared.
/// </summary>
public static class MatchQuality
{
    /// <summary>The share of leads with a true record whose <paramref name="candidates"/> (in the leads' order) hold it.</summary>
    public static double Completeness<TRecord>(LabelledMatchSet<TRecord> set, MatchRun run, IReadOnlyList<IReadOnlyList<string>> candidates)
    {
        int positives = 0, blocked = 0;
        for (var i = 0; i < run.Results.Count; i++)
        {
            if (set.Truth.TryGetValue(run.Results[i].LeadId, out var truth))
            {
                positives++;
                blocked += candidates[i].Contains(truth) ? 1 : 0;
            }
        }

        return Math.Round(positives == 0 ? 1 : blocked / (double)positives, 4);
    }

    public static Dictionary<string, object> Score<TRecord>(LabelledMatchSet<TRecord> set, MatchRun run, IReadOnlyList<IReadOnlyList<string>> candidates, Func<TRecord, string> idOf)
    {
        int truePositives = 0, falsePositives = 0;
        for (var i = 0; i < run.Results.Count; i++)
        {
            var result = run.Results[i];
            set.Truth.TryGetValue(result.LeadId, out var truth);
            if (result.CrmId is not null)
            {
                if (result.CrmId == truth)
                {
                    truePositives++;
                }
                else
                {
                    falsePositives++;
                }
            }
        }

        var positives = set.Leads.Count(lead => set.Truth.ContainsKey(idOf(lead)));
        var precision = truePositives + falsePositives == 0 ? 1 : truePositives / (double)(truePositives + falsePositives);
        var recall = positives == 0 ? 1 : truePositives / (double)positives;
        return new Dictionary<string, object>
        {
            ["crm"] = set.Crm.Count,
            ["leads"] = set.Leads.Count,
            ["leads_with_true_record"] = positives,
            ["matched"] = truePositives + falsePositives,
            ["true_positives"] = truePositives,
            ["false_positives"] = falsePositives,
            ["precision"] = Math.Round(precision, 4),
            ["recall"] = Math.Round(recall, 4),
            ["f1"] = Math.Round(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall), 4),
            ["pair_completeness"] = Completeness(set, run, candidates),
            ["reduction_ratio"] = Math.Round(run.Statistics.ReductionRatio, 5),
            ["candidate_pairs"] = run.Statistics.CandidatePairs,
            ["em_iterations"] = run.Statistics.EmIterations,
            ["threshold"] = run.Results.Count > 0 ? run.Results[0].Explanation.Threshold : 0,
            ["seconds"] = Math.Round(run.Statistics.Elapsed.TotalSeconds, 3),
        };
    }
}
