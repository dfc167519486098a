using SalesBridge.Dataverse.Authentication;

namespace SalesBridge.Dataverse.Http;

/// <summary>
/// Everything per org that the shared HTTP pipeline needs for a request: the options, the token provider, the
/// adaptive parallelism and the call counter. It travels with each request in <see cref="HttpRequestMessage.Options"/>,
/// so one pipeline serves any number of orgs.
/// </summary>
internal sealed class DataverseConnection(DataverseClientOptions options, ITokenProvider tokens, TimeProvider time, OrgPacing pacing)
{
    public static readonly HttpRequestOptionsKey<DataverseConnection> Key = new("SalesBridge.Dataverse.Connection");
    /// <summary>Marks a request as safe to send again: reads, upserts on a key, creates with a client-chosen id.</summary>
    public static readonly HttpRequestOptionsKey<bool> SafeToRetry = new("SalesBridge.Dataverse.SafeToRetry");

    public DataverseClientOptions Options { get; } = options;
    public ITokenProvider Tokens { get; } = tokens;
    public TimeProvider Time { get; } = time;
    public AdaptiveConcurrency Concurrency => pacing.Concurrency;
    public DataverseCallCounter Calls => pacing.Calls;
    public OrgRequestBudget? Budget => pacing.Budget;

    public static DataverseConnection Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var connection)
            ? connection
            : throw new InvalidOperationException("The request was not sent through a DataverseClient.");

    public static bool IsSafeToRetry(HttpRequestMessage request) => request.Options.TryGetValue(SafeToRetry, out var safe) && safe;
}

/// <summary>What is shared by every client of one org: its call counter and its adaptive parallelism.</summary>
internal sealed class OrgPacing(int maxDegreeOfParallelism, OrgRequestBudget? budget)
{
    public AdaptiveConcurrency Concurrency { get; } = new(maxDegreeOfParallelism);
    public DataverseCallCounter Calls { get; } = new();

    /// <summary>The process's cap on requests to the org per window, or null without one.</summary>
    public OrgRequestBudget? Budget { get; } = budget;
}
