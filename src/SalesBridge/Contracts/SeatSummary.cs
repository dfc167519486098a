namespace SalesBridge.Contracts;

/// <summary>
/// One assigned seat of the contract and who holds it; with the seat's standing against the CRM (SPEC S18) where it
/// was judged (the seat list, <c>crm-sync</c>); null where it was not (assigning a single seat).
/// </summary>
public sealed record SeatSummary(Guid Id, Guid UserId, string DisplayName, string Email, DateTimeOffset AssignedAt)
{
    public bool? InCrm { get; init; }
    public string? CrmUserName { get; init; }
    public string? NotInCrmReason { get; init; }
    public bool? CrmSyncEnabled { get; init; }
    public bool? Syncs { get; init; }
    public string? SyncReason { get; init; }

    public SeatSummary WithCrm(CrmSeats.SeatCrmStatus status) => this with
    {
        InCrm = status.InCrm, CrmUserName = status.CrmUserName, NotInCrmReason = status.NotInCrmReason,
        CrmSyncEnabled = status.CrmSyncEnabled, Syncs = status.Syncs, SyncReason = status.SyncReason,
    };
}
