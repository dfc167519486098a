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

    // Each kept block is a range of the sorted record array: no array per block, which at hundreds of thousands of
    // one-record blocks (an email, a mailbox) would cost more than the sort.
    private readonly Dictionary<ulong, (int Start, int Count)> blocks;
    private readonly int[] records;

    private BlockingIndex(Dictionary<ulong, (int Start, int Count)> blocks, int[] records)
    {
        this.blocks = blocks;
        this.records = records;
    }

    public int BlockCount => blocks.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static BlockingIndex Build(IReadOnlyList<ulong[]> keysOfRecords)
    {
        // All (key, record) pairs sorted by key, then cut into blocks: no list per key, which at a million keys
        // would cost more in allocation than the whole sort.
        var total = 0;
        foreach (var keys in keysOfRecords)
        {
            total += keys.Length;
        }

        var pairKeys = new ulong[total];
        var pairRecords = new int[total];
        var at = 0;
        for (var i = 0; i < keysOfRecords.Count; i++)
        {
            foreach (var key in keysOfRecords[i])
            {
                pairKeys[at] = key;
                pairRecords[at++] = i;
            }
        }

        Array.Sort(pairKeys, pairRecords);
        var looseMax = Math.Clamp(keysOfRecords.Count / 200, 3, 10);
        var distinct = 0;
        for (var k = 0; k < total; k++)
        {
            if (k == 0 || pairKeys[k] != pairKeys[k - 1])
            {
                distinct++;
            }
        }

        var blocks = new Dictionary<ulong, (int Start, int Count)>(distinct);
        for (var start = 0; start < total;)
        {
            var end = start + 1;
            while (end < total && pairKeys[end] == pairKeys[start])
            {
                end++;
            }

            var key = pairKeys[start];
            if (end - start <= ((key & BlockingKey.LooseBit) != 0 ? looseMax : MaxBlockSize))
            {
                blocks[key] = (start, end - start);
            }

            start = end;
        }

        return new BlockingIndex(blocks, pairRecords);
    }

    /// <summary>Adds to <paramref name="into"/> each record sharing a key, once: <paramref name="stamps"/> marks those already added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Collect(ulong[] keys, int[] stamps, int stamp, List<int> into)
    {
        foreach (var key in keys)
        {
            if (!blocks.TryGetValue(key, out var block))
            {
                continue;
            }

            foreach (var record in records.AsSpan(block.Start, block.Count))
            {
                if (stamps[record] != stamp)
                {
                    stamps[record] = stamp;
                    into.Add(record);
                }
            }
        }
    }
}
