namespace SalesBridge.CrmHealth;

/// <summary>The background health monitor (configuration section <c>CrmHealth</c>); its interval is <c>Crm:HealthCheckInterval</c>.</summary>
public sealed class CrmHealthOptions
{
    public const string SectionName = "CrmHealth";

    /// <summary>
    /// Run the monitor. On by default; tests switch it off and call <see cref="CheckConnectionHealth"/> directly, so no
    /// background check changes a connection in the middle of a test.
    /// </summary>
    public bool MonitorEnabled { get; set; } = true;
}
