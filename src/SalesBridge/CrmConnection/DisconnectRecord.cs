namespace SalesBridge.CrmConnection;

/// <summary>
/// The audit record of a disconnect (SPEC S5, B8): who disconnected which org and when, whether the imported CRM
/// data was cleaned up, and what the clean-up removed.
/// </summary>
public sealed class DisconnectRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }
    public required string OrganizationUrl { get; init; }
    public DateTimeOffset DisconnectedAt { get; init; }
    public Guid DisconnectedById { get; init; }
    public required string DisconnectedByName { get; init; }
    public bool CleanedUp { get; init; }
    public int RemovedLeads { get; init; }
    public int RemovedAccounts { get; init; }
    public int RemovedListEntries { get; init; }

    /// <summary>What was removed, item by item (JSON), so an admin can see exactly what went.</summary>
    public string RemovedItems { get; init; } = "[]";
}
