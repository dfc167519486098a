using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SalesBridge.Emulator.Limits;

/// <summary>
/// A request let in by service protection. <see cref="Complete"/> frees its concurrency slot and charges its
/// execution time; it must be called exactly once.
/// </summary>
public sealed class ServiceProtectionPass
{
    private readonly ServiceProtection _protection;
    private readonly Guid _userId;
    private readonly bool _holdsSlot;
    private readonly bool _timed;
    private int _completed;

    internal ServiceProtectionPass(ServiceProtection protection, Guid userId, bool holdsSlot, bool timed, int remainingRequests, TimeSpan remainingExecutionTime)
    {
        _protection = protection;
        _userId = userId;
        _holdsSlot = holdsSlot;
        _timed = timed;
        RemainingRequests = remainingRequests;
        RemainingExecutionTime = remainingExecutionTime;
    }

    public int RemainingRequests { get; }
    public TimeSpan RemainingExecutionTime { get; }

    /// <summary>
    /// The debugging headers the api-limits page lists. Their format is not documented; live responses show
    /// <c>x-ms-ratelimit-burst-remaining-xrm-requests: 5999</c> and <c>x-ms-ratelimit-time-remaining-xrm-requests: 1,200.00</c>
    /// (seconds, with a grouping separator), which is what is sent here.
    /// </summary>
    public void WriteHeaders(HttpResponse response)
    {
        response.Headers["x-ms-ratelimit-burst-remaining-xrm-requests"] = RemainingRequests.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ms-ratelimit-time-remaining-xrm-requests"] = RemainingExecutionTime.TotalSeconds.ToString("N2", CultureInfo.InvariantCulture);
    }

    public void Complete(TimeSpan executionTime)
    {
        if (Interlocked.Exchange(ref _completed, 1) == 1) return;
        _protection.Complete(_userId, _holdsSlot, _timed, executionTime);
    }
}
