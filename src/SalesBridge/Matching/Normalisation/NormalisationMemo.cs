using System.Collections.Concurrent;

namespace SalesBridge.Matching.Normalisation;

/// <summary>
/// Remembers normalised values that repeat across records within one run (cities, countries, employers): a 100,000
/// contact CRM has a few hundred cities and tens of thousands of employers, so most normalisations become a lookup.
/// </summary>
public sealed class NormalisationMemo<T>(Func<string?, T> normalise)
{
    // More lock stripes than threads and room for the first thousand values: the run's threads fill the memo at
    // the same time, and with the defaults (a lock per core, a table that grows from 31) they queued on its locks. Not
    // more room than that: small runs (one record) create memos too.
    private readonly ConcurrentDictionary<string, T> values = new(4 * Environment.ProcessorCount, 1_024, StringComparer.Ordinal);

    public T Get(string? raw) => raw is null ? normalise(raw) : values.GetOrAdd(raw, normalise);

    /// <summary>The value for a part of a longer text, looked up without copying it out: the copy is made once, on a miss.</summary>
    public T Get(ReadOnlySpan<char> raw) =>
        values.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(raw, out var value) ? value : values.GetOrAdd(raw.ToString(), normalise);
}
