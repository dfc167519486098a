using System.Collections.Concurrent;

namespace SalesBridge.Matching.Normalisation;

/// <summary>
/// Remembers normalised values that repeat across records within one run (cities, countries, employers): a 100,000
/// contact CRM has a few hundred cities and tens of thousands of employers, so most normalisations become a lookup.
/// </summary>
public sealed class NormalisationMemo<T>(Func<string?, T> normalise)
{
    private readonly ConcurrentDictionary<string, T> values = new(StringComparer.Ordinal);

    public T Get(string? raw) => raw is null ? normalise(raw) : values.GetOrAdd(raw, normalise);
}
