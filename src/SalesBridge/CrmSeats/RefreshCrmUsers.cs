using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Contracts;
using SalesBridge.CrmConnection;
using SalesBridge.CrmHealth;
using SalesBridge.CrmSettings;
using SalesBridge.Dataverse;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.Text;
using SalesBridge.UseCases;

namespace SalesBridge.CrmSeats;

/// <summary>
/// Reads the users of the contract's org and replaces the contract's snapshot of them (<see cref="CrmUserSnapshot"/>).
/// Admins run it with "Refresh from CRM"; Seat Management runs it when the snapshot is stale; the import refreshes it
/// before each run.
/// </summary>
public sealed class RefreshCrmUsers(SalesBridgeDbContext db, OrgClients clients, TimeProvider time) : IUseCase
{
    /// <summary>
    /// How old a snapshot may get before Seat Management reads the users again on its own. CRM admins add sellers and
    /// disable leavers in Dynamics without telling SalesBridge, so ties go stale; reading on every page view would cost
    /// CRM requests (service protection limits) for what rarely changes. 15 minutes is the import's default interval:
    /// a tie is never older than one sync.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    private static readonly string[] Columns = ["systemuserid", "fullname", "internalemailaddress", "isdisabled", "accessmode", "applicationid"];

    /// <summary>Admins: read the org's users now.</summary>
    /// <exception cref="ConflictException">The contract is not connected.</exception>
    /// <exception cref="CrmRequestFailedException">The org refused or failed the read (502).</exception>
    public Task<CrmUsersRefreshed> HandleAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        return RefreshAsync(caller.ContractId, cancellationToken);
    }

    /// <summary>Admins: read the org's users when the snapshot is missing or older than <see cref="StaleAfter"/> and sync is allowed; null when it was fresh enough.</summary>
    /// <exception cref="CrmRequestFailedException">The org refused or failed the read.</exception>
    public async Task<CrmUsersRefreshed?> RefreshIfStaleAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        var connection = await clients.FindConnectionAsync(caller.ContractId, cancellationToken);
        // A paused connection's credentials failed for days; trying again on every page view would only slow the page.
        if (connection is null || !CheckConnectionHealth.SyncAllowed(connection)) return null;
        var refreshedAt = await db.CrmUserSnapshots.Where(u => u.ContractId == caller.ContractId).MaxAsync(u => (DateTimeOffset?)u.RefreshedAt, cancellationToken);
        if (refreshedAt is { } at && time.GetUtcNow() - at < StaleAfter) return null;
        return await RefreshAsync(caller.ContractId, cancellationToken);
    }

    /// <summary>For the import (issue 8): the same read without a caller, for a contract the scheduler runs.</summary>
    public async Task<CrmUsersRefreshed> RefreshAsync(Guid contractId, CancellationToken cancellationToken)
    {
        var client = await clients.ForContractAsync(contractId, cancellationToken);
        var now = time.GetUtcNow();
        // Read everything before touching the table: the lock below is never held across CRM calls.
        var rows = await CrmRequestFailedException.WrapAsync(async () =>
        {
            var read = new List<CrmUserSnapshot>();
            await foreach (var row in client.QueryAsync("systemusers", new DataverseQuery { Select = Columns }, cancellationToken: cancellationToken))
            {
                read.Add(ToSnapshot(contractId, row, now));
            }
            return read;
        });

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two refreshes at once (an admin and the import) replace the set one after the other, never interleaved.
        await db.LockContractAsync(contractId, cancellationToken);
        await db.CrmUserSnapshots.Where(u => u.ContractId == contractId).ExecuteDeleteAsync(cancellationToken);
        db.CrmUserSnapshots.AddRange(rows.DistinctBy(u => u.SystemUserId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new CrmUsersRefreshed(rows.Count, rows.Count(u => u.IsEnabled), now);
    }

    private static CrmUserSnapshot ToSnapshot(Guid contractId, JsonObject row, DateTimeOffset now)
    {
        var email = row["internalemailaddress"]?.GetValue<string>()?.Trim();
        var name = row["fullname"]?.GetValue<string>()?.Trim();
        return new CrmUserSnapshot
        {
            ContractId = contractId,
            SystemUserId = row["systemuserid"]!.GetValue<Guid>(),
            FullName = ColumnFit.Cut(string.IsNullOrEmpty(name) ? email ?? "(no name)" : name, CrmUserSnapshot.MaxNameLength),
            Email = string.IsNullOrEmpty(email) || email.Length > CrmUserSnapshot.MaxEmailLength ? null : email,
            IsEnabled = CrmUserRules.IsEnabledPerson(
                row["isdisabled"]?.GetValue<bool>() ?? false,
                row["accessmode"]?.GetValue<int>(),
                row["applicationid"] is { } app ? app.GetValue<Guid>() : null),
            RefreshedAt = now,
        };
    }
}

/// <summary>How many CRM users were read, how many of them seats can be tied to, and when.</summary>
public sealed record CrmUsersRefreshed(int UserCount, int EnabledUserCount, DateTimeOffset RefreshedAt);
