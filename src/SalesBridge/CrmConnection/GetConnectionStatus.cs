using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesBridge.Access;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmConnection;

/// <summary>Admins: the contract's CRM connection as CRM Settings shows it.</summary>
public sealed class GetConnectionStatus(SalesBridgeDbContext db, IOptions<CrmOptions> options, CrmSecretProtector protector, TimeProvider time) : IUseCase
{
    public async Task<CrmConnectionStatus> HandleAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        var signInUnavailable = StartAdminSignIn.UnavailableReason(options.Value);
        var connection = await db.OrgConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ContractId == caller.ContractId, cancellationToken);
        // A row made for a sign-in still being completed, or a disconnected one, is "not connected".
        if (connection is null || (connection.Status == OrgConnectionStatus.Disconnected && connection.DisconnectedAt is null))
        {
            return new CrmConnectionStatus(null, false, CrmConnectionStatus.NotConnectedHeadline, null, null, null, false, null, null, null, null, null,
                null, null, null, null, [], null, null, signInUnavailable is null, signInUnavailable);
        }

        var connected = connection.Status != OrgConnectionStatus.Disconnected;
        var connectedBy = await db.Users.Where(u => u.Id == connection.ConnectedById && u.ContractId == caller.ContractId)
            .Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        return new CrmConnectionStatus(
            connection.Status, connected,
            connected ? CrmConnectionStatus.ConnectedHeadline : CrmConnectionStatus.NotConnectedHeadline,
            connection.OrganizationName, connection.OrganizationUrl, connection.EnvironmentLabel, connection.IsSandbox, connection.Version,
            connection.SignInMethod, connection.SignedInAs, connection.ConnectedAt, connectedBy,
            !connected ? null : connection.LastCompletedSyncAt is null ? CrmConnectionStatus.SyncInProgress : "Last completed sync",
            connection.LastCompletedSyncAt, connection.LastCheckedAt,
            connected ? connection.FailureMessage : null,
            connected && connection.FailureCauses is { } causes ? causes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [],
            connected ? connection.FailingSince : null, connection.DisconnectedAt,
            signInUnavailable is null, signInUnavailable) with
        {
            SignInDetail = SignInDetail(connection, out var warning),
            Warnings = connected && warning is not null ? [warning] : [],
        };
    }

    private string? SignInDetail(OrgConnection connection, out string? warning)
    {
        warning = null;
        if (connection.ProtectedClientCertificate is { } stored)
        {
            using var certificate = ClientCertificateCredential.Load(protector.UnprotectBytes(stored));
            warning = ClientCertificateCredential.RenewalWarningFor(certificate, time.GetUtcNow());
            return $"({ClientCertificateCredential.Describe(certificate)})";
        }

        return connection.ProtectedClientSecret is not null ? "(client secret)" : null;
    }
}
