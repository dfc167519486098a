using SalesBridge.Matching;

namespace SalesBridge.Benchmarks.Scenarios.Matching;

/// <summary>
/// A deduplication file turned into "leads vs CRM" as the data README says: one record per person on the CRM side,
/// the others as leads, and 20% of the people dropped from the CRM side (seeded) so "no match" is tested.
/// With <c>oneLeadPerPerson</c>, only one of each person's other records becomes a lead, so one-to-one holds.
/// With <c>completestOnCrmSide</c>, the CRM side gets each person's record with a surname and the most fields filled
/// (ties: the record the plain split would take, then the next): a Dynamics contact cannot be saved without a last
/// name, and a maintained CRM record is usually the fuller one. Reported beside the plain split, never instead of it.
/// </summary>
public static class DedupFileSplit
{
    public const double DroppedShare = 0.2;

    public static LabelledMatchSet<PersonRecord> Split(string name, IReadOnlyList<(string Person, bool IsOriginal, PersonRecord Record)> rows, bool oneLeadPerPerson, int seed, bool completestOnCrmSide = false)
    {
        var random = new Random(seed);
        var crm = new List<PersonRecord>();
        var leads = new List<PersonRecord>();
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in rows.GroupBy(row => row.Person).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var members = group.ToList();
            var original = members.FindIndex(m => m.IsOriginal);
            var crmIndex = original >= 0 ? original : random.Next(members.Count);
            if (completestOnCrmSide)
            {
                var plain = crmIndex;
                crmIndex = Enumerable.Range(0, members.Count).OrderByDescending(i => Filled(members[i].Record)).ThenBy(i => (i - plain + members.Count) % members.Count).First();
            }
            var dropped = random.NextDouble() < DroppedShare;
            if (!dropped)
            {
                crm.Add(members[crmIndex].Record);
            }

            var others = members.Where((_, i) => i != crmIndex).Select(m => m.Record).ToList();
            if (oneLeadPerPerson && others.Count > 1)
            {
                others = [others[random.Next(others.Count)]];
            }

            foreach (var lead in others)
            {
                leads.Add(lead);
                if (!dropped)
                {
                    truth[lead.Id] = members[crmIndex].Record.Id;
                }
            }
        }

        // Shuffled so that neither side's order gives the answer away.
        return new LabelledMatchSet<PersonRecord>(name, Shuffle(crm, random), Shuffle(leads, random), truth);
    }

    /// <summary>A surname first (a CRM contact has one), then how many of the other fields are filled.</summary>
    private static int Filled(PersonRecord record) =>
        (string.IsNullOrEmpty(record.LastName) ? 0 : 10) + new[] { record.FirstName, record.Email, record.City, record.State }.Count(v => !string.IsNullOrEmpty(v));

    private static List<PersonRecord> Shuffle(List<PersonRecord> list, Random random)
    {
        var array = list.ToArray();
        random.Shuffle(array);
        return [.. array];
    }
}
