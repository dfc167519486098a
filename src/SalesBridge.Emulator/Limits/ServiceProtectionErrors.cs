using System.Globalization;
using SalesBridge.Emulator.Protocol;

namespace SalesBridge.Emulator.Limits;

/// <summary>
/// The 429s of the api-limits page: codes and messages as documented, with the org's configured numbers in the
/// text, and <c>Retry-After</c> in whole seconds.
/// </summary>
public static class ServiceProtectionErrors
{
    public const string RequestsCode = "0x80072322";
    public const string ExecutionTimeCode = "0x80072321";
    public const string ConcurrentRequestsCode = "0x80072326";

    public static DataverseFault Exceeded(ServiceProtectionLimit limit, ServiceProtectionLimits limits, TimeSpan retryAfter)
    {
        var window = Number(limits.Window.TotalSeconds, "0");
        var (code, message) = limit switch
        {
            ServiceProtectionLimit.Requests => (RequestsCode,
                $"Number of requests exceeded the limit of {limits.MaxRequests.ToString(CultureInfo.InvariantCulture)} over time window of {window} seconds."),
            ServiceProtectionLimit.ExecutionTime => (ExecutionTimeCode,
                $"Combined execution time of incoming requests exceeded limit of {Number(limits.MaxExecutionTime.TotalMilliseconds, "N0")} milliseconds over time window of {window} seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later."),
            _ => (ConcurrentRequestsCode,
                $"Number of concurrent requests exceeded the limit of {limits.MaxConcurrentRequests.ToString(CultureInfo.InvariantCulture)}."),
        };
        return new DataverseFault(429, code, message, new Dictionary<string, string> { ["Retry-After"] = RetryAfterSeconds(retryAfter) });
    }

    /// <summary>Whole seconds, rounded up, at least 1: a client that waits exactly this long is let in.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static string Number(double value, string format) => Math.Round(value).ToString(format, CultureInfo.InvariantCulture);
}
