using System.Runtime.CompilerServices;
namespace SalesBridge.Matching.Blocking;

/// <summary>
/// A blocking key as a 64-bit FNV-1a hash of its kind and parts, built without allocating a string: a 100,000-record
/// CRM has over a million keys. Parts are separated so ("ab","c") and ("a","bc") differ; a rare collision only adds
/// a candidate, never loses one.
/// <para>
/// Most keys are symmetric: every record both holds them (the index) and seeks them (a lead's lookup). A key marked
/// <see cref="HeldBit"/> is only held and one marked <see cref="SoughtBit"/> only sought: a sparse CRM record (a surname
/// and nothing else) holds a key no full record holds, which every lead seeks, so the sparse record is found by any lead
/// whose surname sounds alike without every namesake in the index being found too.
/// </para>
/// </summary>
public static class BlockingKey
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>Set in keys of loose kinds (see <see cref="BlockingIndex"/>), so the index can cap them harder.</summary>
    public const ulong LooseBit = 1UL << 63;

    /// <summary>Set in keys a record only holds: the index keeps them, a lookup skips them.</summary>
    public const ulong HeldBit = 1UL << 62;

    /// <summary>Set in keys a record only seeks: a lookup uses them, the index leaves them out.</summary>
    public const ulong SoughtBit = 1UL << 61;

    /// <summary>The bits that say how a key is used rather than what it is: cleared in the key the index stores.</summary>
    public const ulong SideBits = HeldBit | SoughtBit;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Of(char kind, ReadOnlySpan<char> a, ReadOnlySpan<char> b = default, ReadOnlySpan<char> c = default)
    {
        var hash = Mix(Offset, kind);
        hash = Part(hash, a);
        hash = Part(hash, b);
        hash = Part(hash, c);
        return hash & ~(LooseBit | SideBits);
    }

    public static ulong Loose(char kind, ReadOnlySpan<char> a) => Of(kind, a) | LooseBit;

    /// <summary>A key only held (see <see cref="HeldBit"/>); its counterpart is <see cref="Sought"/> with the same parts.</summary>
    public static ulong Held(char kind, ReadOnlySpan<char> a) => Of(kind, a) | HeldBit;

    public static ulong Sought(char kind, ReadOnlySpan<char> a) => Of(kind, a) | SoughtBit;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Part(ulong hash, ReadOnlySpan<char> part)
    {
        foreach (var c in part)
        {
            hash = Mix(hash, c);
        }

        return Mix(hash, '\u001f');
    }

    private static ulong Mix(ulong hash, char c) => (hash ^ c) * Prime;
}
