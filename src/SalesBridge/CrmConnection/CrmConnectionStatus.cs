namespace SalesBridge.CrmConnection;

/// <summary>
/// What CRM Settings shows about the contract's connection (SPEC S2, S3): which org, how SalesBridge signs in to it
/// and as whom (never a secret), the sync's progress, and a failure with its S4 message and causes.
/// </summary>
/// <param name="Status">Null when the contract never connected.</param>
/// <param name="IsConnected">Connected, failing or paused: an org is set up and the admin can reach its settings.</param>
/// <param name="Headline">"Connected to Microsoft Dynamics" or "Not connected".</param>
/// <param name="SyncSummary">"Successfully connected, sync in progress" until the first sync completed, then when the last one did.</param>
public sealed record CrmConnectionStatus(
    OrgConnectionStatus? Status,
    bool IsConnected,
    string Headline,
    string? OrganizationName,
    string? OrganizationUrl,
    string? EnvironmentLabel,
    bool IsSandbox,
    string? Version,
    OrgSignInMethod? SignInMethod,
    string? SignedInAs,
    DateTimeOffset? ConnectedAt,
    string? ConnectedBy,
    string? SyncSummary,
    DateTimeOffset? LastCompletedSyncAt,
    DateTimeOffset? LastCheckedAt,
    string? FailureMessage,
    IReadOnlyList<string> FailureCauses,
    DateTimeOffset? FailingSince,
    DateTimeOffset? DisconnectedAt,
    bool AdminSignInAvailable,
    string? AdminSignInUnavailableReason)
{
    /// <summary>How an application user proves itself, e.g. "(certificate 1A2B…, expires 2027-01-31)" or "(client secret)"; never the secret.</summary>
    public string? SignInDetail { get; init; }

    /// <summary>Things to act on before they break the connection (a certificate about to expire); not failures.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public const string ConnectedHeadline = "Connected to Microsoft Dynamics";
    public const string NotConnectedHeadline = "Not connected";
    public const string SyncInProgress = "Successfully connected, sync in progress";
}
