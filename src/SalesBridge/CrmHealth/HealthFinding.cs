namespace SalesBridge.CrmHealth;

/// <summary>What one health check found: passed, or the S4 message of the first failed check and its causes.</summary>
internal sealed record HealthFinding(bool Passed, string Message, IReadOnlyList<string> Causes)
{
    public static HealthFinding Healthy { get; } = new(true, "", []);

    public static HealthFinding Failed(string message, IReadOnlyList<string> causes) => new(false, message, causes);
}

/// <summary>How a check changed the connection's health; decides which alerts are raised, updated or resolved.</summary>
internal enum HealthChange
{
    /// <summary>Passed and was healthy before.</summary>
    StillHealthy,

    /// <summary>Passed after failing (or paused, when an admin checked it): failure cleared, alerts resolved.</summary>
    Recovered,

    /// <summary>The first failure: sync continues through the grace period.</summary>
    StartedFailing,

    /// <summary>Failed again within the grace period, or while already paused.</summary>
    StillFailing,

    /// <summary>Failed after the grace period ended: sync pauses until an admin reconnects.</summary>
    Paused,
}
