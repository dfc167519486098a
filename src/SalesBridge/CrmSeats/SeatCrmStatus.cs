namespace SalesBridge.CrmSeats;

/// <summary>
/// A seat against the CRM (SPEC S18): tied to a CRM user or why not, and whether it syncs or why not. The reasons are
/// sentences for admins, shown as they are.
/// </summary>
public sealed record SeatCrmStatus(
    bool InCrm,
    string? CrmUserName,
    string? NotInCrmReason,
    bool CrmSyncEnabled,
    bool Syncs,
    string SyncReason);

/// <summary>Why a seat is not tied, and why it syncs or not: one wording everywhere (page, API, tests).</summary>
public static class SeatCrmReasons
{
    public const string NotConnected = "The contract is not connected to a CRM.";
    public const string NotRefreshed = "The CRM's users have not been read yet. Use Refresh from CRM.";
    public const string NoEmail = "The seat holder has no email.";
    public const string NoCrmUser = "No CRM user has this email.";
    public const string CrmUserDisabled = "The CRM user with this email is disabled (or is not a person who signs in).";

    public const string NotInCrm = "The seat is not in CRM.";
    public const string SyncPaused = "Sync is paused: the CRM connection failed for longer than the grace period. Reconnect under CRM Settings.";
    public const string AutoSync = "Auto sync is on for every seat in CRM.";
    public const string SeatEnabled = "CRM sync is enabled for this seat.";
    public const string SeatNotEnabled = "Auto sync is off and CRM sync is not enabled for this seat.";
}
