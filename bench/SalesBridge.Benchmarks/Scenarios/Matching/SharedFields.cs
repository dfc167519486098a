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
            if (field.Agreement is FieldAgreement.Exact or FieldAgreement.Close or FieldAgreement.Partial)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The true pairs whose lead and record agree on no field.</summary>
    public static int PairsAgreeingOnNothing(LabelledMatchSet<PersonRecord> set)
    {
        var crm = set.Crm.ToDictionary(p => p.Id);
        return set.Leads.Count(lead => set.Truth.TryGetValue(lead.Id, out var truth) && !Any(lead, crm[truth]));
    }
}
