using SalesBridge.Emulator.Limits;

namespace SalesBridge.Emulator.Control;

/// <summary>
/// <c>PUT/GET /_emulator/orgs/{urlName}/limits</c>: the org's service protection limits, durations in seconds.
/// A PUT changes only the properties it names.
/// </summary>
internal sealed record LimitsBody(
    int? MaxRequests = null, double? MaxExecutionTimeSeconds = null, int? MaxConcurrentRequests = null, double? WindowSeconds = null,
    double? EscalationStepSeconds = null, double? MaxRetryAfterSeconds = null, double? ConcurrencyRetryAfterSeconds = null,
    bool? BatchPartsCountAsRequests = null)
{
    public ServiceProtectionLimits ApplyTo(ServiceProtectionLimits current) => current with
    {
        MaxRequests = MaxRequests ?? current.MaxRequests,
        MaxExecutionTime = Seconds(MaxExecutionTimeSeconds) ?? current.MaxExecutionTime,
        MaxConcurrentRequests = MaxConcurrentRequests ?? current.MaxConcurrentRequests,
        Window = Seconds(WindowSeconds) ?? current.Window,
        EscalationStep = Seconds(EscalationStepSeconds) ?? current.EscalationStep,
        MaxRetryAfter = Seconds(MaxRetryAfterSeconds) ?? current.MaxRetryAfter,
        ConcurrencyRetryAfter = Seconds(ConcurrencyRetryAfterSeconds) ?? current.ConcurrencyRetryAfter,
        BatchPartsCountAsRequests = BatchPartsCountAsRequests ?? current.BatchPartsCountAsRequests,
    };

    public static LimitsBody From(ServiceProtectionLimits limits) => new(
        limits.MaxRequests, limits.MaxExecutionTime.TotalSeconds, limits.MaxConcurrentRequests, limits.Window.TotalSeconds,
        limits.EscalationStep.TotalSeconds, limits.MaxRetryAfter.TotalSeconds, limits.ConcurrencyRetryAfter.TotalSeconds,
        limits.BatchPartsCountAsRequests);

    private static TimeSpan? Seconds(double? seconds) =>
        seconds is { } s ? (double.IsFinite(s) && Math.Abs(s) < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(s) : TimeSpan.MinValue) : null;
}
