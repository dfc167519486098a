namespace SalesBridge.Matching.Blocking;

/// <summary>
/// CRM records by blocking key. A block bigger than <see cref="MaxBlockSize"/> is dropped: a key that common
/// ("Smith" in one big city) does not narrow anything, and the other keys still reach the true record.
/// </summary>
public sealed class BlockingIndex
{
    public const int MaxBlockSize = 1_000;

    private readonly Dictionary<string, int[]> blocks;

    private BlockingIndex(Dictionary<string, int[]> blocks) => this.blocks = blocks;

    public int BlockCount => blocks.Count;

    public static BlockingIndex Build(IReadOnlyList<string[]> keysOfRecords)
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
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

        var blocks = new Dictionary<string, int[]>(lists.Count, StringComparer.Ordinal);
        foreach (var (key, list) in lists)
        {
            if (list.Count <= MaxBlockSize)
            {
                blocks[key] = list.ToArray();
            }
        }

        return new BlockingIndex(blocks);
    }

    /// <summary>Adds to <paramref name="into"/> each record sharing a key, once: <paramref name="stamps"/> marks those already added.</summary>
    public void Collect(string[] keys, int[] stamps, int stamp, List<int> into)
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
