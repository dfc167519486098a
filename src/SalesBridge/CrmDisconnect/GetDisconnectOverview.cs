using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.CrmConnection;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmDisconnect;

/// <summary>
/// Admins: what the Disconnect page shows: the connection (if any) and how many imported leads and accounts the
/// workspace holds. After a disconnect without clean-up those are the items that are no longer synced.
/// </summary>
public sealed class GetDisconnectOverview(SalesBridgeDbContext db) : IUseCase
{
    public async Task<DisconnectOverview> HandleAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        var connection = await db.OrgConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ContractId == caller.ContractId, cancellationToken);
        var leads = await db.SavedLeads.CountAsync(l => l.ContractId == caller.ContractId && !l.SavedByHand, cancellationToken);
        var accounts = await db.SavedAccounts.CountAsync(a => a.ContractId == caller.ContractId && !a.SavedByHand, cancellationToken);
        return new DisconnectOverview(connection?.Status, connection?.OrganizationUrl, connection?.OrganizationName, connection?.EnvironmentLabel,
            connection?.DisconnectedAt, leads, accounts);
    }
}

/// <summary>The connection's status (null: never connected) and the imported leads and accounts in the workspace.</summary>
public sealed record DisconnectOverview(
    OrgConnectionStatus? Status,
    string? OrganizationUrl,
    string? OrganizationName,
    string? EnvironmentLabel,
    DateTimeOffset? DisconnectedAt,
    int ImportedLeads,
    int ImportedAccounts)
{
    public bool CanDisconnect => Status is not null and not OrgConnectionStatus.Disconnected;
}
