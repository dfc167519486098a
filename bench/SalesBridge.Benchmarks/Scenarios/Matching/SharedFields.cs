using SalesBridge.Matching;
using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.People;

namespace SalesBridge.Benchmarks.Scenarios.Matching;

/// <summary>
/// Whether a lead and its true record agree on any field at all, by the engine's own comparisons (exactly, closely or in
/// part). A pair agreeing on none can be compared only by comparing the lead with records it shares nothing with, so no
/// blocking reaches it without giving up the reduction ratio: the share of true pairs that agree on something is the
/// ceiling of pair completeness.
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

    /// <summary>The true pairs whose lead and record agree on no field.</summary>
    public static int PairsAgreeingOnNothing(LabelledMatchSet<PersonRecord> set)
    {
        var crm = set.Crm.ToDictionary(p => p.Id);
        return set.Leads.Count(lead => set.Truth.TryGetValue(lead.Id, out var truth) && !Any(lead, crm[truth]));
    }
}
