using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Contracts;
using SalesBridge.CrmConnection;
using SalesBridge.CrmHealth;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmDisconnect;

/// <summary>
/// Admins: <i>Disconnect your CRM Sync</i> (SPEC S5), optionally with <i>Yes, clean up all previously imported CRM
/// data</i>. In one transaction: the clean-up (see <see cref="CrmDataCleanUp"/>), the connection marked Disconnected
/// with its secrets and token cache wiped, its open alerts resolved, and an audit record of what went.
/// <para>
/// Without clean-up the imported leads, accounts and list entries stay where they are, and nothing is rewritten on
/// them: "no longer synced" is the connection's state (Disconnected, with <see cref="OrgConnection.DisconnectedAt"/>),
/// which the CRM pages show, and which stops every sync. The items keep <c>SavedByHand == false</c> on purpose, so a
/// reconnect to the same org picks them up again, and a later clean-up can still tell them from hand-saved ones.
/// The row itself stays (without secrets), so reconnecting reuses it.
/// </para>
/// </summary>
public sealed class DisconnectCrm(SalesBridgeDbContext db, OrgTokenProviders tokens, TimeProvider time) : IUseCase
{
    public sealed record Request
    {
        /// <summary>True: remove every lead, account and list entry the sync created. Required, so that nothing is removed by omission.</summary>
        [Required(ErrorMessage = "cleanUp is required: true removes the imported CRM data, false keeps it.")]
        public bool? CleanUp { get; init; }
    }

    /// <exception cref="ConflictException">The contract is not connected (never, or already disconnected), or the connection changed meanwhile.</exception>
    public async Task<DisconnectResult> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireContractAdmin();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockContractAsync(caller.ContractId, cancellationToken);
        var connection = await db.OrgConnections.SingleOrDefaultAsync(c => c.ContractId == caller.ContractId, cancellationToken);
        if (connection is null or { Status: OrgConnectionStatus.Disconnected })
        {
            throw new ConflictException("The contract is not connected to a CRM, so there is nothing to disconnect.");
        }

        var now = time.GetUtcNow();
        var cleanUp = request.CleanUp!.Value;
        var removed = cleanUp ? await CrmDataCleanUp.RemoveAsync(db, caller.ContractId, cancellationToken) : [];
        var record = new DisconnectRecord
        {
            ContractId = caller.ContractId, OrganizationUrl = connection.OrganizationUrl, DisconnectedAt = now,
            DisconnectedById = caller.UserId, DisconnectedByName = caller.DisplayName, CleanedUp = cleanUp,
            RemovedLeads = removed.Count(i => i.Kind == RemovedItem.Lead),
            RemovedAccounts = removed.Count(i => i.Kind == RemovedItem.Account),
            RemovedListEntries = removed.Count(i => i.Kind == RemovedItem.ListEntry),
            RemovedItems = RemovedItem.ToJson(removed),
        };
        db.DisconnectRecords.Add(record);

        connection.Status = OrgConnectionStatus.Disconnected;
        connection.DisconnectedAt = now;
        connection.ProtectedClientSecret = null;
        connection.ProtectedClientCertificate = null;
        connection.ProtectedTokenCache = null;
        connection.ClearFailure();
        connection.Revision = Guid.NewGuid();
        await ConnectionHealthAlerts.ResolveAllAsync(db, caller.ContractId, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The CRM connection changed while disconnecting (a check or another admin); nothing was removed. Try again.");
        }
        await transaction.CommitAsync(cancellationToken);
        // After the commit: a provider kept in memory must not go on serving the wiped sign-in's tokens.
        tokens.Forget(connection.Id);

        var (keptLeads, keptAccounts) = cleanUp ? (0, 0) : await KeptAsync(caller.ContractId, cancellationToken);
        return new DisconnectResult(DisconnectRecordSummary.From(record), keptLeads, keptAccounts);
    }

    private async Task<(int Leads, int Accounts)> KeptAsync(Guid contractId, CancellationToken cancellationToken) => (
        await db.SavedLeads.CountAsync(l => l.ContractId == contractId && !l.SavedByHand, cancellationToken),
        await db.SavedAccounts.CountAsync(a => a.ContractId == contractId && !a.SavedByHand, cancellationToken));
}

/// <summary>The disconnect's audit record, and without clean-up how many imported leads and accounts were kept (no longer synced).</summary>
public sealed record DisconnectResult(DisconnectRecordSummary Record, int KeptLeads, int KeptAccounts);
