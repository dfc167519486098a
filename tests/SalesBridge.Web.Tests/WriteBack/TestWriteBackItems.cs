using SalesBridge.CrmConnection;
using SalesBridge.CrmSettings;
using SalesBridge.Web.Tests.Infrastructure;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.Tests.WriteBack;

/// <summary>
/// Outbox rows as the worker leaves them, stored directly, for tests of what the pages and the API show of each state.
/// They are stored settled (not pending), so the host's worker leaves them alone.
/// </summary>
public static class TestWriteBackItems
{
    public const string OrgUrl = "https://contoso.crm4.dynamics.com";

    public static Task<WriteBackItem> AddItemAsync(this WorkspaceHost host, Guid contractId, Guid seatHolderId, WriteBackStatus status,
        Guid? personId = null, Guid? companyId = null, WriteBackItemKind kind = WriteBackItemKind.Note, Guid? itemId = null, string? reason = null,
        DateTimeOffset? queuedAt = null) => host.QueryAsync(async db =>
    {
        var id = itemId ?? Guid.NewGuid();
        var inCrm = status is WriteBackStatus.Written or WriteBackStatus.Unresolved;
        var item = new WriteBackItem
        {
            ContractId = contractId, Kind = kind, ItemId = id, SeatHolderId = seatHolderId, PersonId = personId, CompanyId = companyId,
            Status = status, Reason = reason, Pending = false, QueuedAt = queuedAt ?? DateTimeOffset.UtcNow.AddMinutes(-10),
            WrittenAt = inCrm ? DateTimeOffset.UtcNow.AddMinutes(-9) : null, ActivityId = Guid.NewGuid(),
            Attempts = status == WriteBackStatus.Failed ? 8 : 0,
        };
        db.WriteBackItems.Add(item);
        await db.SaveChangesAsync();
        return item;
    });

    /// <summary>A connection row whose URL the activity links point at; never used to reach an org (no item here is pending).</summary>
    public static Task ConnectForLinksAsync(this WorkspaceHost host, TestContract contract) => host.QueryAsync(async db =>
    {
        db.OrgConnections.Add(new OrgConnection
        {
            ContractId = contract.Id, OrganizationUrl = OrgUrl, Status = OrgConnectionStatus.Connected, SignInMethod = OrgSignInMethod.ApplicationUser,
            ConnectedAt = DateTimeOffset.UtcNow, ConnectedById = contract.Admin.Id,
        });
        return await db.SaveChangesAsync();
    });

    /// <summary>The link the item's activity should have, built independently of the code under test from the documented URL form.</summary>
    public static string ActivityUrl(WriteBackItem item)
    {
        var table = SalesBridgeSolution.TableFor(item.Kind).LogicalName;
        return $"{OrgUrl}/main.aspx?etn={table}&pagetype=entityrecord&id=%7B{item.ActivityId.ToString().ToUpperInvariant()}%7D";
    }
}
