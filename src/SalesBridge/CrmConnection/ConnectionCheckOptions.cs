using System.ComponentModel.DataAnnotations;

namespace SalesBridge.CrmConnection;

/// <summary>How patient the connection checks are: the admin waits for them on the page.</summary>
public sealed class ConnectionCheckOptions
{
    /// <summary>How long the org may take to answer one check's request before it counts as unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often a check's request is repeated after a 5xx or timeout; few, so a dead org fails fast.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 1;
}
