using SalesBridge.Dataverse;

namespace SalesBridge.WriteBack;

/// <summary>How hard the writer tries and how much it sends at once.</summary>
public static class WriteBackPolicy
{
    /// <summary>Items per <c>$batch</c>: one request each, as many as Dataverse takes in one batch.</summary>
    public const int BatchSize = DataverseBatch.MaxRequests;

    /// <summary>Transient failures (429, 5xx, a dropped connection) of one item before it is marked failed.</summary>
    public const int MaxAttempts = 10;

    /// <summary>2, 4, 8 … seconds, at most five minutes: long enough for a throttled org to recover, short enough for B1.</summary>
    public static TimeSpan BackOff(int attempts) => TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Clamp(attempts, 1, 9))));
}
