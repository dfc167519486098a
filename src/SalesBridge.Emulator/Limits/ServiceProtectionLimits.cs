namespace SalesBridge.Emulator.Limits;

/// <summary>
/// The service protection limits of an org (page: api-limits). The defaults are the documented ones per web
/// server; the emulator plays one web server. Tests lower them instead of sending 6,000 requests.
/// </summary>
public sealed record ServiceProtectionLimits
{
    public static ServiceProtectionLimits Default { get; } = new();

    /// <summary>Requests a user may send within <see cref="Window"/> (documented: 6,000).</summary>
    public int MaxRequests { get; init; } = 6000;

    /// <summary>Combined execution time of a user's requests within <see cref="Window"/> (documented: 20 minutes).</summary>
    public TimeSpan MaxExecutionTime { get; init; } = TimeSpan.FromSeconds(1200);

    /// <summary>Requests of one user served at the same time (documented: 52 or higher).</summary>
    public int MaxConcurrentRequests { get; init; } = 52;

    /// <summary>The sliding window the request and execution-time limits look back over (documented: 5 minutes).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How much longer each Retry-After gets when a throttled user keeps sending before it has passed. The docs
    /// say only that "the duration will be extended"; this number is the emulator's own, 0 turns escalation off.
    /// </summary>
    public TimeSpan EscalationStep { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest Retry-After escalation may reach.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Retry-After of a concurrency rejection: a slot frees as soon as one of the user's requests ends.</summary>
    public TimeSpan ConcurrencyRetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether each request inside a <c>$batch</c> counts against <see cref="MaxRequests"/>. The api-limits page says
    /// a batch "avoids the number of requests limit" (the <c>$batch</c> counts once, its whole duration counts as
    /// execution time), so the default is false; true models a stricter server.
    /// </summary>
    public bool BatchPartsCountAsRequests { get; init; }

    /// <summary>The first value that makes no sense, or null when all do.</summary>
    public string? Problem() =>
        MaxRequests < 1 ? "maxRequests must be at least 1."
        : MaxExecutionTime <= TimeSpan.Zero ? "maxExecutionTimeSeconds must be greater than 0."
        : MaxConcurrentRequests < 1 ? "maxConcurrentRequests must be at least 1."
        : Window <= TimeSpan.Zero ? "windowSeconds must be greater than 0."
        : EscalationStep < TimeSpan.Zero ? "escalationStepSeconds must not be negative."
        : MaxRetryAfter < TimeSpan.FromSeconds(1) ? "maxRetryAfterSeconds must be at least 1."
        : ConcurrencyRetryAfter < TimeSpan.FromSeconds(1) ? "concurrencyRetryAfterSeconds must be at least 1."
        : null;
}
