using SalesBridge.CrmConnection;

namespace SalesBridge.CrmHealth;

/// <summary>
/// The connection's health as admins see it: the status, when it was last checked, and for a failing connection the
/// S4 message with its causes and when sync pauses (or paused). Never any secret.
/// </summary>
public sealed record ConnectionHealthStatus(
    OrgConnectionStatus Status,
    string OrganizationUrl,
    string? OrganizationName,
    string? EnvironmentLabel,
    DateTimeOffset? LastCheckedAt,
    DateTimeOffset? FailingSince,
    DateTimeOffset? SyncPausesAt,
    string? FailureMessage,
    IReadOnlyList<string> FailureCauses,
    bool SyncAllowed)
{
    /// <summary>Things to act on before they break the connection (a certificate about to expire); not failures.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static ConnectionHealthStatus From(OrgConnection connection, TimeSpan gracePeriod) => new(
        connection.Status, connection.OrganizationUrl, connection.OrganizationName, connection.EnvironmentLabel,
        connection.LastCheckedAt, connection.FailingSince, connection.FailingSince + gracePeriod, connection.FailureMessage,
        connection.FailureCauses?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [],
        CheckConnectionHealth.SyncAllowed(connection));
}
