using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SalesBridge.Dataverse.Http;

/// <summary>
/// The client's calls as metrics (meter <c>SalesBridge.Dataverse</c>), tagged with the org's host: every process that talks
/// to an org reports what it sent and how often the org throttled it, so an operator sees budgets per org across nodes.
/// </summary>
public static class DataverseMetrics
{
    /// <summary>The meter's name, to subscribe to (OpenTelemetry <c>AddMeter</c>).</summary>
    public const string MeterName = "SalesBridge.Dataverse";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("salesbridge.crm.requests", "{request}", "HTTP requests sent to Dataverse orgs, every attempt counted.");
    private static readonly Counter<long> Throttled = Meter.CreateCounter<long>("salesbridge.crm.throttled", "{response}", "429 Too Many Requests answers from Dataverse orgs.");

    internal static void Sent(HttpResponseMessage response, Uri? organizationUrl)
    {
        var org = new TagList { { "org", organizationUrl?.Host ?? "unknown" } };
        Requests.Add(1, org);
        if ((int)response.StatusCode == 429) Throttled.Add(1, org);
    }
}
