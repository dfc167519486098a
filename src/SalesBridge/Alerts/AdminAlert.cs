namespace SalesBridge.Alerts;

/// <summary>
/// Something a contract's admins must act on (B8), e.g. a CRM connection that started failing. Shown on every
/// admin page until resolved; raised once per cause, not once per failed check.
/// </summary>
public sealed class AdminAlert
{
    public const int MaxTitleLength = 200;
    public const int MaxDetailLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }
    public AdminAlertKind Kind { get; init; }
    public DateTimeOffset RaisedAt { get; init; }
    public required string Title { get; set; }
    public required string Detail { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

public enum AdminAlertKind
{
    /// <summary>The CRM connection failed a check; sync continues until the grace period ends.</summary>
    ConnectionFailing,

    /// <summary>The grace period ended: sync is paused until an admin reconnects.</summary>
    SyncPaused,

    /// <summary>An import run failed (B8: alert on the first failed run); resolved by the next run that succeeds.</summary>
    SyncFailed,
}
