namespace SalesBridge.Matching.Blocking;

/// <summary>
/// Every record's blocking keys, held in one array per run of consecutive records (a few thousand) rather than one per
/// record. An array per record was a hundred thousand small objects per CRM side, alive from normalisation until the
/// index is built: long enough for a collection to find them all and copy them. A run's array is large (a megabyte or so)
/// and is allocated where the collector neither moves nor copies it.
/// </summary>
public sealed class RecordKeys
{
    private readonly ulong[][] runs;
    private readonly int runLength;
    private readonly int[] starts;
    private readonly int[] counts;

    private RecordKeys(ulong[][] runs, int runLength, int[] starts, int[] counts)
    {
        this.runs = runs;
        this.runLength = runLength;
        this.starts = starts;
        this.counts = counts;
    }

    public int Count => starts.Length;

    /// <summary>The record's keys, each once.</summary>
    public ReadOnlySpan<ulong> this[int record] => runs[record / runLength].AsSpan(starts[record], counts[record]);

    /// <summary>The keys as given, one array per record (tests and small callers).</summary>
    public static RecordKeys From(IReadOnlyList<ulong[]> keysOfRecords)
    {
        var builder = new Builder(keysOfRecords.Count, runLength: 1);
        for (var i = 0; i < keysOfRecords.Count; i++)
        {
            builder.Add(i, [keysOfRecords[i].Length], keysOfRecords[i]);
        }

        return builder.Build();
    }

    /// <summary>
    /// Collects the keys run by run, from several threads at once: each run (records <c>k × runLength</c> to the next
    /// multiple, the ranges <see cref="System.Collections.Concurrent.Partitioner.Create(int, int, int)"/> makes) is
    /// handed in once and lands in its own slot, so no lock is needed.
    /// </summary>
    public sealed class Builder(int records, int runLength)
    {
        private readonly ulong[][] runs = new ulong[(records + runLength - 1) / runLength][];
        private readonly int[] starts = new int[records];
        private readonly int[] counts = new int[records];

        /// <summary>Adds the keys of the run starting at <paramref name="first"/>: <paramref name="recordCounts"/> of them per record, in that order in <paramref name="keys"/>.</summary>
        public void Add(int first, ReadOnlySpan<int> recordCounts, ReadOnlySpan<ulong> keys)
        {
            if (first % runLength != 0 || recordCounts.Length > runLength)
            {
                throw new ArgumentException($"A run starts at a multiple of {runLength} and holds at most that many records.", nameof(first));
            }

            runs[first / runLength] = keys.ToArray();
            var start = 0;
            for (var i = 0; i < recordCounts.Length; i++)
            {
                starts[first + i] = start;
                counts[first + i] = recordCounts[i];
                start += recordCounts[i];
            }
        }

        public RecordKeys Build() => new(runs, runLength, starts, counts);
    }
}
