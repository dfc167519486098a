namespace SalesBridge.Dataverse.Http;

/// <summary>How many calls a client made to its org, so callers can report the CRM calls a sync run used.</summary>
public sealed class DataverseCallCounter
{
    private long _requests;
    private long _throttled;
    private long _retries;
    private long _batchOperations;
    private long _waitedTicks;

    /// <summary>HTTP requests sent, every attempt counted (a retry is another request).</summary>
    public long Requests => Interlocked.Read(ref _requests);
    /// <summary>Responses that were 429 Too Many Requests.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);
    /// <summary>Attempts that repeated an earlier one.</summary>
    public long Retries => Interlocked.Read(ref _retries);
    /// <summary>Operations sent inside <c>$batch</c> requests (each counts against the service-protection limits).</summary>
    public long BatchOperations => Interlocked.Read(ref _batchOperations);

    internal void CountRequest() => Interlocked.Increment(ref _requests);
    internal void CountThrottled() => Interlocked.Increment(ref _throttled);
    internal void CountRetry() => Interlocked.Increment(ref _retries);
    internal void CountBatchOperations(int count) => Interlocked.Add(ref _batchOperations, count);

    /// <summary>How long requests waited because the org asked them to (the Retry-After values honoured).</summary>
    public TimeSpan RetryAfterWaited => TimeSpan.FromTicks(Interlocked.Read(ref _waitedTicks));

    internal void CountWait(TimeSpan wait) => Interlocked.Add(ref _waitedTicks, wait.Ticks);

    /// <summary>A copy of the current figures.</summary>
    public DataverseCallCounts Snapshot() => new(Requests, Throttled, Retries, BatchOperations) { RetryAfterWaited = RetryAfterWaited };
}

/// <summary>The figures of a <see cref="DataverseCallCounter"/> at one moment.</summary>
public sealed record DataverseCallCounts(long Requests, long Throttled, long Retries, long BatchOperations)
{
    /// <summary>Time spent waiting out Retry-After values.</summary>
    public TimeSpan RetryAfterWaited { get; init; }

    /// <summary>What happened between <paramref name="earlier"/> and this snapshot.</summary>
    public DataverseCallCounts Since(DataverseCallCounts earlier) =>
        new(Requests - earlier.Requests, Throttled - earlier.Throttled, Retries - earlier.Retries, BatchOperations - earlier.BatchOperations)
        {
            RetryAfterWaited = RetryAfterWaited - earlier.RetryAfterWaited,
        };
}
