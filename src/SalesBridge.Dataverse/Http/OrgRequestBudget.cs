using System.Threading.RateLimiting;

namespace SalesBridge.Dataverse.Http;

/// <summary>
/// A cap on the requests one process sends to one org per window, counted as Dataverse counts them for its service-protection
/// limits ("Service protection API limits": per user, a 5-minute sliding window; every request inside a <c>$batch</c>
/// counts). Requests over the cap wait for the window to slide instead of being sent and refused with 429. Several
/// processes sharing an org's budget each take their share (<see cref="DataverseClientOptions.RequestBudget"/>).
/// </summary>
internal sealed class OrgRequestBudget : IDisposable
{
    public static readonly HttpRequestOptionsKey<int> Weight = new("SalesBridge.Dataverse.Weight");

    private readonly SlidingWindowRateLimiter _limiter;
    private readonly int _permits;

    public OrgRequestBudget(int permits, TimeSpan window)
    {
        _permits = permits;
        _limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            // Ten segments: the window slides in tenths, close to Dataverse's sliding window without a timer per request.
            SegmentsPerWindow = 10,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>Waits until the request (a batch counts as its requests) fits in the window.</summary>
    public async ValueTask<IDisposable> AcquireAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var weight = request.Options.TryGetValue(Weight, out var count) ? count : 1;
        // A batch larger than the whole share can never fit; it waits for an empty window and goes alone.
        var lease = await _limiter.AcquireAsync(Math.Clamp(weight, 1, _permits), cancellationToken).ConfigureAwait(false);
        return lease;
    }

    public void Dispose() => _limiter.Dispose();
}
