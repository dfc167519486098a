using System.ComponentModel.DataAnnotations;

namespace SalesBridge.Dataverse;

/// <summary>Where a <see cref="DataverseClient"/> connects and how it paces itself.</summary>
public sealed class DataverseClientOptions
{
    /// <summary>The org's root URL, e.g. <c>https://contoso.crm4.dynamics.com</c>.</summary>
    [Required]
    public Uri? OrganizationUrl { get; set; }

    /// <summary>The Web API version segment; <c>v9.2</c> unless an old org needs <c>v9.0</c>.</summary>
    [Required, RegularExpression(@"^v\d+\.\d+$")]
    public string ApiVersion { get; set; } = "v9.2";

    /// <summary>
    /// Accept an org URL that is not a Dynamics 365 online host (and plain http): for the emulator and tests only.
    /// Real orgs are always https on a Dynamics host.
    /// </summary>
    public bool AllowNonDynamicsHost { get; set; }

    /// <summary>How often a request that is safe to repeat is retried after a 429, a 5xx or a timeout.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 6;

    /// <summary>The first wait before repeating after a 5xx or timeout when the org gave no Retry-After; it doubles each time.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest single wait between retries; a longer Retry-After fails the request as throttled.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most requests in flight at once; the client lowers this when throttled and follows <c>x-ms-dop-hint</c>.</summary>
    [Range(1, 256)]
    public int MaxDegreeOfParallelism { get; set; } = 16;

    /// <summary>
    /// The most requests this process sends to the org per <see cref="RequestBudgetWindow"/>, requests inside a batch counted
    /// one by one; null for no cap (only the org's 429s pace the client). Dataverse allows 6,000 per user per 5 minutes;
    /// processes that share an org's user each take their part of that. Clients of one org share the budget of the first.
    /// </summary>
    [Range(1, 1_000_000)]
    public int? RequestBudget { get; set; }

    /// <summary>The window of <see cref="RequestBudget"/>: Dataverse's service-protection window is 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan RequestBudgetWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Rows per page when reading (<c>odata.maxpagesize</c>); Dataverse allows at most 5,000.</summary>
    [Range(1, 5000)]
    public int PageSize { get; set; } = 5000;

    /// <summary>How long one attempt may take before it counts as a timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The Web API root: <c>{OrganizationUrl}/api/data/{ApiVersion}/</c>.</summary>
    public Uri WebApiUrl => new(new Uri(OrganizationUrl!.ToString().TrimEnd('/') + "/"), $"api/data/{ApiVersion}/");

    /// <summary>The resource an Entra token must be issued for: the org URL without a trailing slash.</summary>
    public Uri Resource => new(OrganizationUrl!.GetLeftPart(UriPartial.Path).TrimEnd('/'));
}
