using System.Buffers;
using System.Runtime.CompilerServices;

namespace SalesBridge.Matching.Blocking;

/// <summary>
/// CRM records by blocking key. A block bigger than <see cref="MaxBlockSize"/> is dropped: a key that common
/// ("Smith" in one big city) does not narrow anything, and the other keys still reach the true record.
/// Loose keys (with <see cref="BlockingKey.LooseBit"/>: one field alone, such as a first name, or a first name's sound
/// with a city's) are kept only while their block is small against the CRM (0.5%, at most 10 records), so they rescue
/// badly damaged records in small or varied data and fall away on their own where they would flood the comparisons.
/// </summary>
public sealed class BlockingIndex
{
    public const int MaxBlockSize = 30;

    /// <summary>
    /// What a shared sought key (<see cref="BlockingKey.SoughtBit"/>) weighs in pruning against a symmetric one of the
    /// same block size: it says only that one name sounds alike (or one city starts alike), where most symmetric keys say
    /// two fields agree, so a sparse record it reaches is kept only when nothing shares much more with the lead. Measured
    /// on fake_1000 (the one set with sparse CRM records; pairs compared, true pairs among them of 545): at 1, 1,371 and
    /// 534, and the one-lead-per-person split's reduction ratio below 0.99 (0.98963); at 0.5, 1,277 and 534; at 0.25,
    /// 1,215 and 533.
    /// </summary>
    public const float SoughtWeight = 0.5f;

    private readonly BlockTable blocks;

    // Each kept block is a range of the sorted record array: no array per block, which at hundreds of thousands of
    // one-record blocks (an email, a mailbox) would cost more than the sort.
    private readonly int[] records;

    private BlockingIndex(BlockTable blocks, int[] records)
    {
        this.blocks = blocks;
        this.records = records;
    }

    public int BlockCount => blocks.Count;

    /// <summary>
    /// All (key, record) pairs grouped by key, then cut into blocks: no list per key, which at a million keys would cost
    /// more in allocation than the whole sort. The pairs are spread over the table's partitions by key bits, and each
    /// partition is sorted, cut and entered into its own part of the table in parallel (one sort of two million pairs
    /// and the cutting after it were a fifth of a 100,000-contact run).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static BlockingIndex Build(IReadOnlyList<ulong[]> keysOfRecords)
    {
        var (pairKeys, pairRecords, starts) = Scatter(keysOfRecords);
        var looseMax = Math.Clamp(keysOfRecords.Count / 200, 3, 10);
        var kept = new int[BlockTable.Partitions];
        Parallel.For(0, BlockTable.Partitions, partition =>
        {
            Array.Sort(pairKeys, pairRecords, starts[partition], starts[partition + 1] - starts[partition]);
            kept[partition] = Cut(pairKeys, pairRecords, starts[partition], starts[partition + 1], looseMax, into: null);
        });

        var blocks = new BlockTable(kept);
        Parallel.For(0, BlockTable.Partitions, partition =>
            Cut(pairKeys, pairRecords, starts[partition], starts[partition + 1], looseMax, into: blocks));
        ArrayPool<ulong>.Shared.Return(pairKeys);
        return new BlockingIndex(blocks, pairRecords);
    }

    /// <summary>
    /// Adds to <paramref name="into"/> each record sharing a key, once (<paramref name="stamps"/> marks those already
    /// added), then drops those that share with the lead only a little of what its best candidate shares. Each shared
    /// block adds 1/size to a record's weight (a key shared by one record says far more than one shared by thirty; a
    /// sought key <see cref="SoughtWeight"/> of that); a record is kept when its weight is at least <paramref name="keepShare"/> of the
    /// highest. This is weighted node pruning from meta-blocking (Papadakis et al., "Meta-Blocking: Taking Entity
    /// Resolution to the Next Level", IEEE TKDE 2014, with the ARCS weight): a lead whose own record shares its email
    /// and name is no longer compared with every namesake in its city, while a lead that shares only crowded keys keeps
    /// all of them, so pruning costs little pair completeness and most of the comparisons.
    /// </summary>
    /// <param name="weights">Per indexed record, as long as <paramref name="stamps"/>; only entries this call stamps are read.</param>
    /// <param name="from">Where this call's records start in <paramref name="into"/>: those before it (stamped already,
    /// so never added again) are the caller's and are neither weighed nor pruned.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Collect(ulong[] keys, int[] stamps, float[] weights, int stamp, double keepShare, List<int> into, int from = 0)
    {
        foreach (var key in keys)
        {
            if ((key & BlockingKey.HeldBit) != 0 || !blocks.TryGet(key & ~BlockingKey.SoughtBit, out var blockStart, out var blockCount))
            {
                continue;
            }

            var weight = ((key & BlockingKey.SoughtBit) != 0 ? SoughtWeight : 1f) / blockCount;
            foreach (var record in records.AsSpan(blockStart, blockCount))
            {
                if (stamps[record] != stamp)
                {
                    stamps[record] = stamp;
                    weights[record] = weight;
                    into.Add(record);
                }
                else
                {
                    weights[record] += weight;
                }
            }
        }

        if (keepShare <= 0 || into.Count - from < 2)
        {
            return;
        }

        var best = 0f;
        for (var i = from; i < into.Count; i++)
        {
            best = Math.Max(best, weights[into[i]]);
        }

        var floor = (float)(best * keepShare);
        var kept = from;
        for (var i = from; i < into.Count; i++)
        {
            if (weights[into[i]] >= floor)
            {
                into[kept++] = into[i];
            }
        }

        into.RemoveRange(kept, into.Count - kept);
    }

    /// <summary>
    /// The pairs of held keys (sought-only ones left out) grouped by partition (records in order within each), and where
    /// each partition starts (one past the last at the end). The keys' array is rented (longer than the pairs, perhaps):
    /// <see cref="Build"/> gives it back.
    /// </summary>
    private static (ulong[] Keys, int[] Records, int[] Starts) Scatter(IReadOnlyList<ulong[]> keysOfRecords)
    {
        var starts = new int[BlockTable.Partitions + 1];
        foreach (var keys in keysOfRecords)
        {
            foreach (var key in keys)
            {
                if ((key & BlockingKey.SoughtBit) == 0)
                {
                    starts[BlockTable.PartitionOf(key) + 1]++;
                }
            }
        }

        for (var p = 1; p < starts.Length; p++)
        {
            starts[p] += starts[p - 1];
        }

        // Rented: twenty megabytes at 100,000 records, dead once the blocks are cut, and a large-object allocation of
        // that size is what brings on a full collection mid-run (every later run of the process reuses it).
        var pairKeys = ArrayPool<ulong>.Shared.Rent(starts[^1]);
        var pairRecords = new int[starts[^1]];
        var next = starts[..^1];
        for (var i = 0; i < keysOfRecords.Count; i++)
        {
            foreach (var key in keysOfRecords[i])
            {
                // Sought keys are never held; held ones are stored as a lookup will seek them.
                if ((key & BlockingKey.SoughtBit) == 0)
                {
                    var at = next[BlockTable.PartitionOf(key)]++;
                    pairKeys[at] = key & ~BlockingKey.HeldBit;
                    pairRecords[at] = i;
                }
            }
        }

        return (pairKeys, pairRecords, starts);
    }

    /// <summary>
    /// Walks one partition's sorted pairs and counts the blocks within the size caps; with a table, also puts each into
    /// it, its records in the order they were given (whatever order the sort left them in: candidates, and so ties
    /// between equally scored ones, then depend on the data only).
    /// </summary>
    private static int Cut(ulong[] pairKeys, int[] pairRecords, int from, int to, int looseMax, BlockTable? into)
    {
        var kept = 0;
        for (var start = from; start < to;)
        {
            var end = start + 1;
            while (end < to && pairKeys[end] == pairKeys[start])
            {
                end++;
            }

            var key = pairKeys[start];
            if (end - start <= ((key & BlockingKey.LooseBit) != 0 ? looseMax : MaxBlockSize))
            {
                kept++;
                if (into is not null)
                {
                    if (end - start > 1)
                    {
                        Array.Sort(pairRecords, start, end - start);
                    }

                    into.Add(key, start, end - start);
                }
            }

            start = end;
        }

        return kept;
    }
}
