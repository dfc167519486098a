using System.Numerics;
using System.Runtime.CompilerServices;

namespace SalesBridge.Matching.Blocking;

/// <summary>
/// Blocks by key: an open-addressing table in <see cref="Partitions"/> parts, each sized once for its number of blocks
/// and filled by one thread, so the index fills them in parallel. The keys are hashes already, so a multiply spreads
/// them; a Dictionary took a third of building the index at a million blocks, and its lookups sit in the comparison
/// stage's inner loop.
/// </summary>
internal sealed class BlockTable
{
    public const int Partitions = 256;

    private const int PartitionBits = 8;

    private readonly ulong[] keys;
    private readonly int[] starts;

    // Zero marks an empty slot: every block holds at least one record, and none more than a byte counts.
    private readonly byte[] counts;

    // Per partition: its first slot and the number of bits of its (power-of-two) size.
    private readonly int[] firstSlot = new int[Partitions];
    private readonly int[] sizeBits = new int[Partitions];

    /// <param name="blocksPerPartition">How many blocks each partition will hold.</param>
    public BlockTable(int[] blocksPerPartition)
    {
        var slots = 0;
        for (var p = 0; p < Partitions; p++)
        {
            // A third to two thirds full, so a probe rarely passes more than a slot or two.
            var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, blocksPerPartition[p] + (blocksPerPartition[p] / 2)));
            firstSlot[p] = slots;
            sizeBits[p] = BitOperations.Log2((uint)size);
            slots += size;
            Count += blocksPerPartition[p];
        }

        keys = new ulong[slots];
        starts = new int[slots];
        counts = new byte[slots];
    }

    public int Count { get; }

    /// <summary>
    /// The partition by the key's bits below <see cref="BlockingKey.SoughtBit"/> (the loose and side bits above it), so
    /// every kind of key shares them evenly. Only the partition's own thread calls <see cref="Add"/> for its keys.
    /// </summary>
    public static int PartitionOf(ulong key) => (int)((key >> (61 - PartitionBits)) & (Partitions - 1));

    /// <summary>Adds a block; each key is added once, by the thread that fills its partition.</summary>
    public void Add(ulong key, int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, byte.MaxValue);
        var (first, mask, slot) = Locate(key);
        while (counts[first + slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        keys[first + slot] = key;
        starts[first + slot] = start;
        counts[first + slot] = (byte)count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(ulong key, out int start, out int count)
    {
        var (first, mask, slot) = Locate(key);
        while (counts[first + slot] != 0)
        {
            if (keys[first + slot] == key)
            {
                (start, count) = (starts[first + slot], counts[first + slot]);
                return true;
            }

            slot = (slot + 1) & mask;
        }

        (start, count) = (0, 0);
        return false;
    }

    /// <summary>
    /// The key's partition and its first slot within it: Fibonacci hashing, whose multiply carries every bit of the key
    /// into the top bits the slot is taken from (the partition used other bits, so they do not repeat).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (int First, int Mask, int Slot) Locate(ulong key)
    {
        var partition = PartitionOf(key);
        var bits = sizeBits[partition];
        return (firstSlot[partition], (1 << bits) - 1, (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - bits)));
    }
}
