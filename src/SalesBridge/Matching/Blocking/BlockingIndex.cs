namespace SalesBridge.Matching.Blocking;

/// <summary>
/// CRM records by blocking key. A block bigger than <see cref="MaxBlockSize"/> is dropped: a key that common
/// ("Smith" in one big city) does not narrow anything, and the other keys still reach the true record.
/// Loose keys (with <see cref="BlockingKey.LooseBit"/>: one field alone, such as a first name) are kept only while their
/// block is small against the CRM (0.5%), so they rescue badly damaged records in small or varied data and fall
/// away on their own where they would flood the comparisons.
/// </summary>
public sealed class BlockingIndex
{
    public const int MaxBlockSize = 150;

    private readonly Dictionary<ulong, int[]> blocks;

    private BlockingIndex(Dictionary<ulong, int[]> blocks) => this.blocks = blocks;

    public int BlockCount => blocks.Count;

    public static BlockingIndex Build(IReadOnlyList<ulong[]> keysOfRecords)
    {
        var lists = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < keysOfRecords.Count; i++)
        {
            foreach (var key in keysOfRecords[i])
            {
                if (!lists.TryGetValue(key, out var list))
                {
                    lists[key] = list = new List<int>(2);
                }

                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        var looseMax = Math.Clamp(keysOfRecords.Count / 200, 3, 50);
        var blocks = new Dictionary<ulong, int[]>(lists.Count);
        foreach (var (key, list) in lists)
        {
            if (list.Count <= ((key & BlockingKey.LooseBit) != 0 ? looseMax : MaxBlockSize))
            {
                blocks[key] = list.ToArray();
            }
        }

        return new BlockingIndex(blocks);
    }

    /// <summary>Adds to <paramref name="into"/> each record sharing a key, once: <paramref name="stamps"/> marks those already added.</summary>
    public void Collect(ulong[] keys, int[] stamps, int stamp, List<int> into)
    {
        foreach (var key in keys)
        {
            if (!blocks.TryGetValue(key, out var block))
            {
                continue;
            }

            foreach (var record in block)
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
