using System.Runtime.CompilerServices;
namespace SalesBridge.Matching.Blocking;

/// <summary>
/// A blocking key as a 64-bit FNV-1a hash of its kind and parts, built without allocating a string: a 100,000-record
/// CRM has over a million keys. Parts are separated so ("ab","c") and ("a","bc") differ; a rare collision only adds
/// a candidate, never loses one.
/// </summary>
public static class BlockingKey
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>Set in keys of loose kinds (see <see cref="BlockingIndex"/>), so the index can cap them harder.</summary>
    public const ulong LooseBit = 1UL << 63;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Of(char kind, ReadOnlySpan<char> a, ReadOnlySpan<char> b = default, ReadOnlySpan<char> c = default)
    {
        var hash = Mix(Offset, kind);
        hash = Part(hash, a);
        hash = Part(hash, b);
        hash = Part(hash, c);
        return hash & ~LooseBit;
    }

    public static ulong Loose(char kind, ReadOnlySpan<char> a) => Of(kind, a) | LooseBit;

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
