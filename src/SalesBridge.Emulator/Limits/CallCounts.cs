namespace SalesBridge.Emulator.Limits;

/// <summary>
/// What the emulator served: <see cref="HttpRequests"/> are requests that arrived over HTTP (a <c>$batch</c> is
/// one), <see cref="BatchedRequests"/> the requests inside batches, <see cref="Requests"/> both together.
/// <see cref="Throttled"/> were refused by service protection, <see cref="Faulted"/> met an injected fault.
/// <see cref="ExecutionTime"/> is the time spent serving the HTTP requests (a batch's parts run inside it).
/// </summary>
public sealed record CallCounts(long HttpRequests, long BatchedRequests, long Throttled, long Faulted, TimeSpan ExecutionTime)
{
    public static CallCounts None { get; } = new(0, 0, 0, 0, TimeSpan.Zero);

    public long Requests => HttpRequests + BatchedRequests;

    internal CallCounts Add(CallRecord call) => new(
        HttpRequests + (call.BatchPart ? 0 : 1),
        BatchedRequests + (call.BatchPart ? 1 : 0),
        Throttled + (call.Throttled ? 1 : 0),
        Faulted + (call.Faulted ? 1 : 0),
        ExecutionTime + (call.BatchPart ? TimeSpan.Zero : call.ExecutionTime));
}

/// <summary>One request as the counter sees it; <see cref="UserId"/> is null when no user was authenticated.</summary>
internal sealed record CallRecord(Guid? UserId, bool BatchPart, bool Throttled, bool Faulted, TimeSpan ExecutionTime);
