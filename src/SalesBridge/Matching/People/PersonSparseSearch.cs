using SalesBridge.Matching.Blocking;
using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.Normalisation;

namespace SalesBridge.Matching.People;

/// <summary>
/// Candidates for sparse people that no blocking key reaches: a record holding at most one of the two names and two
/// fields or fewer ("Harppe" alone; "Dviis, Stockton-on-Tees"; "Lonan, Saford"), often misspelt. Keys join two fields or
/// a name's sound with something, and a key on one field alone is a crowd, so such a record is found by searching the
/// other side's distinct values of the fields it has (names under either field, since they get swapped): the values
/// closest to its own when the other side lacks its own (one slip in four letters, two in longer ones, or the same
/// letters but one), kept only while their records are few (<see cref="BlockingIndex.MaxBlockSize"/>), as a block is.
/// A lead holding one name and nothing else also gets the records holding that very name: no key joins it with
/// anything. A sparse CRM record gets only the leads whose slip changes its name's sound: the ones sounding alike
/// already seek the keys it holds (<see cref="PersonSparseKeys"/>), and are pruned with the rest. What one field finds
/// must not contradict the other. Measured (docs/benchmarks.md, ninth session): fake_1000's pair completeness 0.9798 →
/// 0.9908 at a reduction ratio of 0.99041; with three in ten records thinned on both sides of 100,000 contacts and
/// 20,000 leads, about 0.3 s of a 1.5–1.75 s run; where records are whole, only the check that none is sparse (0.01 s).
/// </summary>
internal static class PersonSparseSearch
{
    /// <summary>A record with more fields than this has keys joining two of them.</summary>
    private const int MaxFieldsOfSparse = 2;

    /// <summary>Shorter values are not searched by closeness: a slip in three letters leaves a different name.</summary>
    private const int MinLetters = 4;

    /// <summary>Per lead, the CRM records to compare besides its blocking candidates (null where none); null when no record on either side is sparse.</summary>
    public static int[]?[]? Find(NormalisedPerson[] crm, NormalisedPerson[] leads)
    {
        var sparseLeads = SparseOf(leads);
        var sparseCrm = SparseOf(crm);
        if (sparseLeads.Count == 0 && sparseCrm.Count == 0)
        {
            return null;
        }

        // The two directions side by side: each builds the other side's vocabulary and fills its own sets.
        var fromLeads = new HashSet<int>?[leads.Length];
        var fromCrm = new HashSet<int>?[leads.Length];
        Parallel.Invoke(
            () =>
            {
                if (sparseLeads.Count == 0)
                {
                    return;
                }

                var values = new Vocabulary(crm);
                foreach (var (lead, fields) in sparseLeads)
                {
                    // A lead holding a name and nothing else is compared with the records of that name, while they are
                    // few: no key joins it with another field. With a second field, keys joining the two reach its namesakes.
                    var near = values.Near(leads[lead], sameNames: fields == 1, soundAlike: true);
                    if (near.Count > 0)
                    {
                        fromLeads[lead] = near;
                    }
                }
            },
            () =>
            {
                if (sparseCrm.Count == 0)
                {
                    return;
                }

                var values = new Vocabulary(leads);
                foreach (var (record, _) in sparseCrm)
                {
                    // Leads sounding alike seek the keys a sparse record holds (PersonSparseKeys): only slips that change
                    // the sound, and never the same name.
                    foreach (var lead in values.Near(crm[record], sameNames: false, soundAlike: false))
                    {
                        (fromCrm[lead] ??= []).Add(record);
                    }
                }
            });

        var found = new int[]?[leads.Length];
        for (var lead = 0; lead < leads.Length; lead++)
        {
            if (fromLeads[lead] is { } mine)
            {
                mine.UnionWith(fromCrm[lead] ?? []);
                found[lead] = [.. mine];
            }
            else if (fromCrm[lead] is { } theirs)
            {
                found[lead] = [.. theirs];
            }
        }

        return found;
    }

    /// <summary>The records holding two fields or fewer, with how many they hold.</summary>
    private static List<(int Record, int Fields)> SparseOf(NormalisedPerson[] records)
    {
        var sparse = new List<(int, int)>();
        for (var i = 0; i < records.Length; i++)
        {
            var p = records[i];
            var names = (p.First.Length > 0 && !p.FirstFromEmail ? 1 : 0) + (p.LastCompact.Length > 0 && !p.LastFromEmail ? 1 : 0);
            var fields = names + (p.Email.Address.Length > 0 ? 1 : 0) + (p.Phone.Length > 0 ? 1 : 0) + (p.City.Length > 0 ? 1 : 0) + (p.Company.Length > 0 ? 1 : 0);

            // Both names and nothing else is not sparse: the keys joining the two names reach it.
            if (names < 2 && fields <= MaxFieldsOfSparse && (p.FirstToken.Length >= MinLetters || p.LastCompact.Length >= MinLetters || p.City.Length >= MinLetters))
            {
                sparse.Add((i, fields));
            }
        }

        return sparse;
    }

    /// <summary>Neither name agrees and one disagrees.</summary>
    private static bool NamesContradict(NormalisedPerson a, NormalisedPerson b)
    {
        PersonNameComparison.Compare(a, b, out var first, out var last);
        return !first.Agrees && !last.Agrees && (first.Agreement == FieldAgreement.Disagree || last.Agreement == FieldAgreement.Disagree);
    }

    /// <summary>One side's distinct names (first and last together) and cities, each with the records holding it.</summary>
    private sealed class Vocabulary
    {
        private readonly Values names = new();
        private readonly Values cities = new();
        private readonly NormalisedPerson[] records;

        public Vocabulary(NormalisedPerson[] records)
        {
            this.records = records;
            for (var i = 0; i < records.Length; i++)
            {
                var p = records[i];
                names.Add(p.FirstToken, i);
                if (p.LastCompact != p.FirstToken)
                {
                    names.Add(p.LastCompact, i);
                }

                cities.Add(p.City, i);
            }
        }

        /// <summary>The records near <paramref name="p"/>'s names and city.</summary>
        /// <param name="sameNames">Whether the records holding its very names count (or only slips of them).</param>
        /// <param name="soundAlike">Whether names sounding alike count (keys reach those where the sparse record is the CRM's).</param>
        public HashSet<int> Near(NormalisedPerson p, bool sameNames, bool soundAlike)
        {
            // Each found by one field must not contradict the other: a namesake in another city, or someone in the
            // city whose names disagree with none agreeing, is no likelier than anyone (a missing field contradicts nothing).
            var byName = new HashSet<int>();
            names.Near(p.FirstToken, byName, sameNames, soundAlike);
            names.Near(p.LastCompact, byName, sameNames, soundAlike);
            byName.RemoveWhere(record => PersonComparison.City(p, records[record]).Agreement == FieldAgreement.Disagree);
            var byCity = new HashSet<int>();
            cities.Near(p.City, byCity, same: false, soundAlike: true);
            byCity.RemoveWhere(record => NamesContradict(p, records[record]));
            byName.UnionWith(byCity);
            return byName;
        }
    }

    /// <summary>
    /// Distinct values with their letter sets and sounds, and the records holding each. Sparse records share their values
    /// ("Oliver", "London"), so each value's closest ones are found once (<see cref="closestOf"/>), scanning only the
    /// values of a length two slips can reach.
    /// </summary>
    private sealed class Values
    {
        private readonly Dictionary<string, Holders> holders = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> closestOf = new(StringComparer.Ordinal);
        private Dictionary<int, List<(string Value, Holders Entry)>>? byLength;

        public void Add(string value, int record)
        {
            if (value.Length == 0)
            {
                return;
            }

            if (!holders.TryGetValue(value, out var entry))
            {
                entry = new Holders(value, LetterBag.LetterSet(value));
                holders[value] = entry;
            }

            entry.Records.Add(record);
        }

        /// <summary>Adds the records holding <paramref name="value"/>, or else the values closest to it, while they are few.</summary>
        /// <param name="same">Whether the records holding the value itself count (or only slips of it).</param>
        /// <param name="soundAlike">Whether closest values sounding like it count; the same in every call on one instance (the answer is memoised).</param>
        public void Near(string value, HashSet<int> into, bool same, bool soundAlike)
        {
            if (value.Length < MinLetters)
            {
                return;
            }

            if (holders.TryGetValue(value, out var exact))
            {
                if (same)
                {
                    AddIfFew(exact.Records, into);
                }

                return;
            }

            if (!closestOf.TryGetValue(value, out var records))
            {
                // Less those sounding alike where keys reach them already.
                var sound = soundAlike ? "" : Soundex.Of(value);
                records = Closest(value).Where(entry => soundAlike || entry.Sound != sound).SelectMany(entry => entry.Records).Distinct().ToList();
                closestOf[value] = records;
            }

            AddIfFew(records, into);
        }

        /// <summary>The values at the least distance from <paramref name="value"/> within its limit, none when none is that close.</summary>
        private Holders[] Closest(string value)
        {
            byLength ??= holders.GroupBy(pair => pair.Key.Length).ToDictionary(group => group.Key, group => group.Select(pair => (pair.Key, pair.Value)).ToList());
            var letters = LetterBag.LetterSet(value);
            var limit = value.Length <= MinLetters ? 1 : 2;
            var best = limit + 1;
            var closest = new List<Holders>();
            for (var length = value.Length - limit; length <= value.Length + limit; length++)
            {
                if (!byLength.TryGetValue(length, out var values))
                {
                    continue;
                }

                foreach (var (other, entry) in values)
                {
                    if (!LetterBag.SetsWithin(letters, entry.Letters, 2))
                    {
                        continue;
                    }

                    var distance = EditDistance.Bounded(value, other, 2);
                    if (distance > 2 && LetterBag.WithinOneLetter(value, letters, other, entry.Letters))
                    {
                        // The same letters but one, moved about ("Forcnee", "Florence"): as close as two slips.
                        distance = 2;
                    }

                    if (distance > limit || distance > best)
                    {
                        continue;
                    }

                    if (distance < best)
                    {
                        best = distance;
                        closest.Clear();
                    }

                    closest.Add(entry);
                }
            }

            return [.. closest];
        }

        private static void AddIfFew(List<int> records, HashSet<int> into)
        {
            if (records.Count > 0 && records.Count <= BlockingIndex.MaxBlockSize)
            {
                into.UnionWith(records);
            }
        }

        private sealed class Holders(string value, int letters)
        {
            public int Letters => letters;

            public List<int> Records { get; } = [];

            /// <summary>Asked only of the few closest values, so built only for those.</summary>
            public string Sound => field ??= Soundex.Of(value);
        }
    }
}
