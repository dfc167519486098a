using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SalesBridge.Dataverse.Authentication;
using SalesBridge.Dataverse.Http;

namespace SalesBridge.Dataverse;

/// <summary>
/// Makes <see cref="DataverseClient"/>s that share one HTTP pipeline. Clients of the same org (same URL) share
/// its call counter and adaptive parallelism, so figures and pacing are per org, not per client object.
/// </summary>
public sealed class DataverseClientFactory(IHttpClientFactory httpClients, TimeProvider time)
{
    /// <summary>The name of the HTTP client whose pipeline Dataverse requests go through.</summary>
    public const string HttpClientName = "SalesBridge.Dataverse";

    private readonly ConcurrentDictionary<Uri, OrgPacing> _pacing = new();

    /// <summary>A client for the org in <paramref name="options"/>, signing in with <paramref name="tokens"/>.</summary>
    /// <exception cref="OptionsValidationException">The options are not valid (e.g. not a Dynamics 365 online org URL).</exception>
    public DataverseClient Create(DataverseClientOptions options, ITokenProvider tokens)
    {
        var check = DataverseClientOptionsValidator.Check(options);
        if (check.Failed) throw new OptionsValidationException(nameof(DataverseClientOptions), typeof(DataverseClientOptions), check.Failures);
        var pacing = _pacing.GetOrAdd(options.WebApiUrl, _ => new OrgPacing(options.MaxDegreeOfParallelism,
            options.RequestBudget is { } budget ? new OrgRequestBudget(budget, options.RequestBudgetWindow) : null));
        return new DataverseClient(httpClients.CreateClient(HttpClientName), new DataverseConnection(options, tokens, time, pacing));
    }
}
