using SalesBridge.Matching;
using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.People;

namespace SalesBridge.Benchmarks.Scenarios.Matching;

/// <summary>
/// Whether a lead and its true record agree on any field at all, by the engine's own comparisons (exactly, closely or in
/// part). A pair agreeing on none can be compared only by comparing the lead with records it shares nothing with, so no
/// blocking reaches it without giving up the reduction ratio: the share of true pairs that agree on something (or that
/// the run compared anyway, through a twin) is the ceiling of pair completeness.
/// </summary>
public static class SharedFields
{
    // One for every pair asked about: a domain builds its normalisation memos when created, and they are safe to share.
    private static readonly PersonDomain Domain = new();

    public static bool Any(PersonRecord lead, PersonRecord crm)
    {
        Span<FieldComparison> fields = stackalloc FieldComparison[Domain.Fields.Count];
        Domain.Compare(Domain.Normalise(lead), Domain.Normalise(crm), fields);
        foreach (var field in fields)
        {
            if (field.Agrees)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What reaching a true pair that was never compared would cost through one field it agrees on: the CRM records not
    /// yet compared with the lead that agree with it on that field at least as well as its true record does, by the
    /// engine's own comparisons. A key on that field alone that reaches the true record brings these too, unless it tells
    /// apart values the comparison counts as equally close ("Londn" is one slip from "Londno" and from "London"); the
    /// cheapest field is returned with its count. Null when the pair agrees on no field.
    /// </summary>
    public static (int Records, string Field)? ReachCost(PersonRecord lead, PersonRecord truth, IReadOnlyList<PersonRecord> crm, IReadOnlyCollection<string> compared)
    {
        var count = Domain.Fields.Count;
        Span<FieldComparison> fields = stackalloc FieldComparison[count];
        var normalLead = Domain.Normalise(lead);
        Domain.Compare(normalLead, Domain.Normalise(truth), fields);
        var levels = new FieldAgreement[count];
        var costs = new int[count];
        for (var f = 0; f < count; f++)
        {
            levels[f] = fields[f].Agreement;
        }

        foreach (var record in crm)
        {
            if (compared.Contains(record.Id))
            {
                continue;
            }

            Domain.Compare(normalLead, Domain.Normalise(record), fields);
            for (var f = 0; f < count; f++)
            {
                if (levels[f] <= FieldAgreement.Partial && fields[f].Agreement <= levels[f])
                {
                    costs[f]++;
                }
            }
        }

        (int Records, string Field)? cheapest = null;
        for (var f = 0; f < count; f++)
        {
            if (levels[f] <= FieldAgreement.Partial && (cheapest is null || costs[f] < cheapest.Value.Records))
            {
                cheapest = (costs[f], Domain.Fields[f].Field);
            }
        }

        return cheapest;
    }

    /// <summary>
    /// The fewest pairs that reaching a pair completeness of <paramref name="target"/> would add through shared fields:
    /// the never-compared true pairs agreeing on some field, cheapest first (<see cref="ReachCost"/>), as many as the
    /// target needs. Zero when it is met; null when even all of them would not reach it.
    /// </summary>
    public static int? PairsToReach(double target, LabelledMatchSet<PersonRecord> set, MatchRun run, IReadOnlyList<IReadOnlyList<string>> compared)
    {
        var crm = set.Crm.ToDictionary(p => p.Id);
        int positives = 0, found = 0;
        var costs = new List<int>();
        for (var i = 0; i < run.Results.Count; i++)
        {
            if (!set.Truth.TryGetValue(run.Results[i].LeadId, out var truth))
            {
                continue;
            }

            positives++;
            if (compared[i].Contains(truth))
            {
                found++;
            }
            else if (ReachCost(set.Leads[i], crm[truth], set.Crm, compared[i].ToHashSet()) is { } cost)
            {
                costs.Add(cost.Records);
            }
        }

        var needed = (int)Math.Ceiling(target * positives) - found;
        return needed <= 0 ? 0 : needed > costs.Count ? null : costs.Order().Take(needed).Sum();
    }

    /// <summary>
    /// The share of leads with a true record that a block of at most <paramref name="blockSize"/> records could reach: those
    /// compared with it, and those agreeing with it on a field that at most that many CRM records share with the lead as
    /// well (<see cref="ReachCost"/> over the whole CRM side). Beyond it a pair is reached only through a crowd: a lead
    /// holding "London" and nothing else agrees with every Londoner, and blocking exists not to compare those.
    /// </summary>
    public static double CeilingWithinBlocks(int blockSize, LabelledMatchSet<PersonRecord> set, MatchRun run, IReadOnlyList<IReadOnlyList<string>> compared)
    {
        var crm = set.Crm.ToDictionary(p => p.Id);
        int positives = 0, reachable = 0;
        for (var i = 0; i < run.Results.Count; i++)
        {
            if (!set.Truth.TryGetValue(run.Results[i].LeadId, out var truth))
            {
                continue;
            }

            positives++;
            if (compared[i].Contains(truth) || (ReachCost(set.Leads[i], crm[truth], set.Crm, []) is { Records: var records } && records <= blockSize))
            {
                reachable++;
            }
        }

        return Math.Round(positives == 0 ? 1 : reachable / (double)positives, 4);
    }

    /// <summary>
    /// The true pairs whose lead and record agree on no field, and how many of those the run compared all the same: a
    /// lead's twin (another lead of the same person) brings the record it matched, whatever the lead itself holds.
    /// </summary>
    public static (int All, int Compared) PairsAgreeingOnNothing(LabelledMatchSet<PersonRecord> set, MatchRun run, IReadOnlyList<IReadOnlyList<string>> compared)
    {
        var crm = set.Crm.ToDictionary(p => p.Id);
        int all = 0, reached = 0;
        for (var i = 0; i < run.Results.Count; i++)
        {
            if (set.Truth.TryGetValue(run.Results[i].LeadId, out var truth) && !Any(set.Leads[i], crm[truth]))
            {
                all++;
                reached += compared[i].Contains(truth) ? 1 : 0;
            }
        }

        return (all, reached);
    }
}
