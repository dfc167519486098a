using SalesBridge.CrmConnection;

namespace SalesBridge.CrmDisconnect;

/// <summary>A disconnect as the audit list shows it, with every removed item.</summary>
public sealed record DisconnectRecordSummary(
    Guid Id,
    string OrganizationUrl,
    DateTimeOffset DisconnectedAt,
    Guid DisconnectedById,
    string DisconnectedByName,
    bool CleanedUp,
    int RemovedLeads,
    int RemovedAccounts,
    int RemovedListEntries,
    IReadOnlyList<RemovedItem> RemovedItems)
{
    public static DisconnectRecordSummary From(DisconnectRecord record) => new(
        record.Id, record.OrganizationUrl, record.DisconnectedAt, record.DisconnectedById, record.DisconnectedByName, record.CleanedUp,
        record.RemovedLeads, record.RemovedAccounts, record.RemovedListEntries, RemovedItem.FromJson(record.RemovedItems));
}
