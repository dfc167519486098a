using Bogus;

namespace SalesBridge.Emulator.DemoWorld;

/// <summary>
/// The only source of randomness in the demo world. Each part of the world draws from its own stream, so that
/// changing, say, the lead count does not reshuffle every account. Never the global <c>Randomizer.Seed</c>.
/// </summary>
internal sealed class DemoRandom(int seed, int stream)
{
    private readonly Randomizer random = new(unchecked((seed * 1_000_003) + (stream * 7_919)));
    private readonly byte[] guidBytes = new byte[16];

    /// <summary>0 ≤ result &lt; <paramref name="maxExclusive"/>.</summary>
    public int Next(int maxExclusive) => random.Number(0, maxExclusive - 1);

    public int Between(int min, int maxInclusive) => random.Number(min, maxInclusive);

    public double NextDouble() => random.Double();

    public bool Chance(double probability) => random.Double() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Index biased towards the start, for lists ordered by popularity or size.</summary>
    public int Skewed(int count, double power) => Math.Min(count - 1, (int)(count * Math.Pow(random.Double(), power)));

    /// <summary>A version-4 GUID built from the seeded stream, so ids are stable across runs.</summary>
    public Guid NextGuid()
    {
        for (var i = 0; i < 16; i += 4)
        {
            var value = random.Number(int.MinValue, int.MaxValue - 1);
            guidBytes[i] = (byte)value;
            guidBytes[i + 1] = (byte)(value >> 8);
            guidBytes[i + 2] = (byte)(value >> 16);
            guidBytes[i + 3] = (byte)(value >> 24);
        }

        guidBytes[7] = (byte)((guidBytes[7] & 0x0F) | 0x40);
        guidBytes[8] = (byte)((guidBytes[8] & 0x3F) | 0x80);
        return new Guid(guidBytes);
    }

    /// <summary>A moment up to <paramref name="maxDays"/> before <paramref name="end"/>, whole seconds.</summary>
    public DateTimeOffset Before(DateTimeOffset end, int maxDays) =>
        end.AddSeconds(-random.Number(0, maxDays * 86_400));

    /// <summary>A moment between the two, whole seconds.</summary>
    public DateTimeOffset Between(DateTimeOffset start, DateTimeOffset end)
    {
        var seconds = (long)(end - start).TotalSeconds;
        return seconds <= 0 ? end : start.AddSeconds((long)(random.Double() * seconds));
    }

    /// <summary>Roughly log-uniform between the bounds: many small values, a few large ones, as in real sales data.</summary>
    public decimal Money(decimal min, decimal max, decimal roundTo)
    {
        var logMin = Math.Log((double)min);
        var value = Math.Exp(logMin + (random.Double() * (Math.Log((double)max) - logMin)));
        return Math.Max(roundTo, Math.Round((decimal)value / roundTo) * roundTo);
    }

    /// <summary>A string of random digits, for phone numbers.</summary>
    public string Digits(int count) => string.Create(count, this, static (span, self) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (char)('0' + self.Next(10));
        }
    });
}
