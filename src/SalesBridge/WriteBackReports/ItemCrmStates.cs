using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmConnection;
using SalesBridge.CrmRecords;
using SalesBridge.CrmSettings;
using SalesBridge.Persistence;
using SalesBridge.WriteBack;

namespace SalesBridge.WriteBackReports;

/// <summary>
/// Reads the CRM state of the items a page or list shows in one query (never one per item): the outbox rows of those
/// items, each with the org URL its activity link points at.
/// </summary>
public static class ItemCrmStates
{
    /// <summary>The state of each item that is copied to the CRM; items without an outbox row are absent (not copied).</summary>
    public static async Task<IReadOnlyDictionary<Guid, ItemCrmState>> LoadAsync(SalesBridgeDbContext db, Guid contractId, IReadOnlyCollection<Guid> itemIds,
        CancellationToken cancellationToken)
    {
        if (itemIds.Count == 0) return new Dictionary<Guid, ItemCrmState>();
        var ids = itemIds.Distinct().ToList();
        // The org URL rides along as a subquery so that links cost no second round trip.
        var rows = await db.WriteBackItems.AsNoTracking()
            .Where(i => i.ContractId == contractId && ids.Contains(i.ItemId))
            .Select(i => new
            {
                i.ItemId, i.Kind, i.Status, i.Reason, i.WrittenAt, i.ActivityId,
                OrganizationUrl = db.OrgConnections
                    .Where(c => c.ContractId == i.ContractId && c.Status != OrgConnectionStatus.Disconnected)
                    .Select(c => c.OrganizationUrl).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.ItemId, r => Of(r.Kind, r.Status, r.Reason, r.WrittenAt, r.ActivityId, r.OrganizationUrl));
    }

    /// <summary>The state of one loaded outbox row.</summary>
    public static ItemCrmState Of(WriteBackItemKind kind, WriteBackStatus status, string? reason, DateTimeOffset? writtenAt, Guid activityId, string? organizationUrl)
    {
        var inCrm = status is WriteBackStatus.Written or WriteBackStatus.Unresolved;
        var table = SalesBridgeSolution.TableFor(kind);
        return new ItemCrmState(status, reason, inCrm ? CrmRecordLink.ForOptional(organizationUrl, table.LogicalName, activityId) : null, inCrm ? writtenAt : null);
    }
}
