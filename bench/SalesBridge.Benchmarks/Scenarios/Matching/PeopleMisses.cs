using System.Globalization;
using SalesBridge.Matching;

namespace SalesBridge.Benchmarks.Scenarios.Matching;

/// <summary>
/// Every wrong decision of a people run as CSV, for tuning: a false match (the lead, the record it was given and its
/// true one), a miss the blocking proposed (scored too low: the evidence says why), and a miss it never proposed (and
/// whether the lead and its record agree on any field at all: <see cref="SharedFields"/>).
/// </summary>
public static class PeopleMisses
{
    public static void Write(string path, LabelledMatchSet<PersonRecord> set, MatchRun run, IReadOnlyList<IReadOnlyList<string>> candidates)
    {
        var crm = set.Crm.ToDictionary(p => p.Id);
        using var writer = new StreamWriter(path);
        writer.WriteLine("kind,score,lead,given,truth,evidence");
        for (var i = 0; i < run.Results.Count; i++)
        {
            var result = run.Results[i];
            set.Truth.TryGetValue(result.LeadId, out var truth);
            if (result.CrmId == truth)
            {
                continue;
            }

            var lead = set.Leads[i];
            var kind = result.CrmId is not null ? "false match"
                : candidates[i].Contains(truth!) ? "scored low"
                : SharedFields.ReachCost(lead, crm[truth!], set.Crm, candidates[i].ToHashSet()) is { } cost
                    ? $"not blocked: {cost.Field} reaches it with {cost.Records} records"
                    : "not blocked: agrees on no field";
            var evidence = string.Join(" ", result.Explanation.Evidence.Select(e => $"{e.Field}:{e.Agreement}:{e.Weight:0.#}"));
            writer.WriteLine(string.Join(',',
                kind,
                result.Score.ToString("0.###", CultureInfo.InvariantCulture),
                Quote(Describe(lead)),
                Quote(result.CrmId is null ? "" : Describe(crm[result.CrmId])),
                Quote(truth is null ? "" : Describe(crm[truth])),
                Quote(result.CrmId is null && truth is not null ? $"best: {evidence}" : evidence)));
        }
    }

    private static string Describe(PersonRecord p) =>
        string.Join(" | ", new[] { p.FirstName, p.LastName, p.Email, p.Company, p.City, p.State }.Select(v => v ?? "-"));

    private static string Quote(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
