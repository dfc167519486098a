namespace SalesBridge.Matching.Engine;

/// <summary>The best few of many, best first, in one selection pass instead of a sort of them all.</summary>
internal static class TopSelection
{
    /// <summary>
    /// The best of the indexes 0 … count−1 that <paramref name="include"/> lets in, best first, into <paramref name="top"/>
    /// (an index goes before another only when <paramref name="better"/> says so: ties keep index order); how many.
    /// </summary>
    public static int Select(int count, Span<int> top, Func<int, bool> include, Func<int, int, bool> better)
    {
        var filled = 0;
        for (var k = 0; k < count; k++)
        {
            if (!include(k))
            {
                continue;
            }

            var at = filled;
            while (at > 0 && better(k, top[at - 1]))
            {
                at--;
            }

            if (at >= top.Length)
            {
                continue;
            }

            for (var j = Math.Min(filled, top.Length - 1); j > at; j--)
            {
                top[j] = top[j - 1];
            }

            top[at] = k;
            filled = Math.Min(filled + 1, top.Length);
        }

        return filled;
    }
}
