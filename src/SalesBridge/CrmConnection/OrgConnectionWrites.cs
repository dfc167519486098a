using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Contracts;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.Text;

namespace SalesBridge.CrmConnection;

/// <summary>
/// How a passed check becomes the contract's connection, shared by both ways of connecting: one row per contract,
/// reused when the same org connects again (so a later import resumes without duplicates), refused for another org
/// while the contract is still connected.
/// </summary>
internal static class OrgConnectionWrites
{
    /// <summary>The contract's connection row as it is now (not tracked), or null when it never connected.</summary>
    public static Task<OrgConnection?> FindAsync(SalesBridgeDbContext db, Guid contractId, CancellationToken cancellationToken) =>
        db.OrgConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ContractId == contractId, cancellationToken);

    /// <summary>
    /// Stores a passed check as the contract's connection: under the contract's lock, so two admins connecting at once
    /// end with one row, and re-read there, so a connection to another org made meanwhile is not overwritten.
    /// </summary>
    /// <param name="signIn">Sets how SalesBridge signs in (method, credentials, as whom).</param>
    /// <exception cref="ConflictException">The contract is connected to another org; disconnect first.</exception>
    public static async Task<OrgConnection> SaveConnectedAsync(
        SalesBridgeDbContext db, Caller caller, ConnectionCheckReport report, Action<OrgConnection> signIn, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockContractAsync(caller.ContractId, cancellationToken);
        var connection = await db.OrgConnections.SingleOrDefaultAsync(c => c.ContractId == caller.ContractId, cancellationToken);
        RefuseOtherOrg(connection, report);
        connection ??= db.OrgConnections.Add(new OrgConnection { ContractId = caller.ContractId, OrganizationUrl = "" }).Entity;
        MarkConnected(connection, report, caller);
        signIn(connection);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return connection;
    }

    /// <summary>Whether the row stands for a live connection (one that must be disconnected before another org can connect).</summary>
    public static bool IsLive(OrgConnection? connection) => connection is not null and not { Status: OrgConnectionStatus.Disconnected };

    /// <exception cref="ConflictException">The contract is connected to an org at another URL.</exception>
    public static void RefuseOtherUrl(OrgConnection? connection, Uri organizationUrl)
    {
        if (IsLive(connection) && !SameUrl(connection!.OrganizationUrl, organizationUrl)) throw OtherOrg(connection);
    }

    /// <exception cref="ConflictException">The contract is connected to another org (another organization id).</exception>
    public static void RefuseOtherOrg(OrgConnection? connection, ConnectionCheckReport report)
    {
        if (IsLive(connection) && connection!.OrganizationId is { } known && known != report.Org.OrganizationId) throw OtherOrg(connection);
    }

    /// <summary>Writes what the checks learned and who connected onto <paramref name="connection"/>, as Connected with a new revision.</summary>
    private static void MarkConnected(OrgConnection connection, ConnectionCheckReport report, Caller caller)
    {
        var org = report.Org;
        connection.OrganizationUrl = org.OrganizationUrl!.ToString();
        connection.OrganizationId = org.OrganizationId;
        connection.OrganizationName = ColumnFit.Cut(org.OrganizationName, OrgConnection.MaxNameLength);
        connection.Version = ColumnFit.Cut(org.Version, 50);
        connection.EnvironmentLabel = ColumnFit.Cut(org.EnvironmentLabel, 50);
        connection.IsSandbox = org.IsSandbox;
        connection.CrmUserId = org.SignedInUserId;
        connection.Status = OrgConnectionStatus.Connected;
        connection.ConnectedAt = report.CheckedAt;
        connection.ConnectedById = caller.UserId;
        connection.LastCheckedAt = report.CheckedAt;
        connection.ClearFailure();
        connection.DisconnectedAt = null;
        connection.Revision = Guid.NewGuid();
    }

    private static ConflictException OtherOrg(OrgConnection connection) => new(
        $"This contract is connected to {connection.OrganizationName ?? "another org"} ({connection.OrganizationUrl}). " +
        "To connect a different org, disconnect the current one first under Admin Settings > CRM Settings > Disconnect.");

    private static bool SameUrl(string stored, Uri url) =>
        string.Equals(stored.TrimEnd('/'), url.ToString().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
