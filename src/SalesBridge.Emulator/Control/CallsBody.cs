using SalesBridge.Emulator.Limits;

namespace SalesBridge.Emulator.Control;

/// <summary><c>GET /_emulator/orgs/{urlName}/calls</c>: the org's call counts, in total and per authenticated user.</summary>
internal sealed record CallsBody(string Org, CallCountsBody Total, IReadOnlyList<UserCallsBody> Users)
{
    public static CallsBody From(string org, OrgCallCounter counter) => new(
        org, CallCountsBody.From(counter.Total),
        counter.Users.OrderBy(u => u.Key).Select(u => new UserCallsBody(u.Key, CallCountsBody.From(u.Value))).ToList());
}

internal sealed record UserCallsBody(Guid UserId, CallCountsBody Calls);

internal sealed record CallCountsBody(long HttpRequests, long BatchedRequests, long Requests, long Throttled, long Faulted, double ExecutionTimeMs)
{
    public static CallCountsBody From(CallCounts counts) => new(
        counts.HttpRequests, counts.BatchedRequests, counts.Requests, counts.Throttled, counts.Faulted, counts.ExecutionTime.TotalMilliseconds);
}
