using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesBridge.Access;
using SalesBridge.Alerts;
using SalesBridge.CrmConnection;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmHealth;

/// <summary>
/// Checks a contract's stored CRM connection as <see cref="ConnectionCheck"/> checks a new one, and keeps its health
/// (B8): a failure marks it Failing and alerts the admins once; still failing after <see cref="CrmOptions.GracePeriod"/>
/// pauses sync until an admin reconnects; a passing check clears the failure and resolves the alerts. Run by the
/// background monitor for every connected or failing connection, and by admins ("check now").
/// </summary>
public sealed class CheckConnectionHealth(
    SalesBridgeDbContext db,
    ConnectionCheck check,
    OrgTokenProviders tokens,
    IAdminAlertNotifier notifier,
    IOptions<CrmOptions> options,
    CrmSecretProtector protector,
    TimeProvider time) : IUseCase
{
    /// <summary>Whether import and write-back may run on <paramref name="connection"/>: not while paused or disconnected.</summary>
    public static bool SyncAllowed(OrgConnection connection) => connection.Status is OrgConnectionStatus.Connected or OrgConnectionStatus.Failing;

    /// <summary>Admins: check the contract's connection now. A paused connection that passes counts as reconnected.</summary>
    /// <exception cref="ConflictException">The contract is not connected (never, or disconnected).</exception>
    public async Task<ConnectionHealthStatus> HandleAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        var connection = await db.OrgConnections.SingleOrDefaultAsync(c => c.ContractId == caller.ContractId, cancellationToken);
        if (connection is null or { Status: OrgConnectionStatus.Disconnected })
        {
            throw new ConflictException("The contract is not connected to a CRM. Connect it under Admin Settings > CRM Settings first.");
        }
        return await CheckAsync(connection, cancellationToken);
    }

    /// <summary>The monitor: checks one connection; null when it was removed or disconnected meanwhile.</summary>
    public async Task<ConnectionHealthStatus?> CheckConnectionAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        var connection = await db.OrgConnections.SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        return connection is null or { Status: OrgConnectionStatus.Disconnected } ? null : await CheckAsync(connection, cancellationToken);
    }

    private async Task<ConnectionHealthStatus> CheckAsync(OrgConnection connection, CancellationToken cancellationToken)
    {
        var finding = await RunCheckAsync(connection, cancellationToken);
        var grace = options.Value.GracePeriod;
        for (var attempt = 1; ; attempt++)
        {
            var raised = connection.Status == OrgConnectionStatus.Disconnected ? [] : await ConnectionHealthAlerts.RecordAsync(
                db, connection, HealthTransition.Apply(connection, finding, time.GetUtcNow(), grace), time.GetUtcNow(), grace, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                foreach (var alert in raised) await notifier.RaisedAsync(alert, cancellationToken);
                return ConnectionHealthStatus.From(connection, grace) with { Warnings = CertificateWarnings(connection) };
            }
            catch (DbUpdateConcurrencyException) when (attempt == 1)
            {
                // An admin or another check changed the connection while this one ran: apply the same finding to what
                // is stored now (a disconnect meanwhile wins), once.
                db.ChangeTracker.Clear();
                connection = await db.OrgConnections.SingleAsync(c => c.Id == connection.Id, cancellationToken);
            }
        }
    }

    private async Task<HealthFinding> RunCheckAsync(OrgConnection connection, CancellationToken cancellationToken)
    {
        if (connection is { ProtectedClientSecret: null, ProtectedClientCertificate: null, ProtectedTokenCache: null })
        {
            return HealthFinding.Failed(ConnectionFailureMessages.CouldNotConnect, ["The connection holds no sign-in; reconnect under CRM Settings."]);
        }
        if (connection.ProtectedClientCertificate is { } stored)
        {
            // Entra refuses an expired certificate with a cryptic AADSTS700027; say what to do instead.
            using var certificate = ClientCertificateCredential.Load(protector.UnprotectBytes(stored));
            if (ClientCertificateCredential.ExpiredCause(certificate, time.GetUtcNow()) is { } expired)
            {
                return HealthFinding.Failed(ConnectionFailureMessages.CouldNotConnect, [expired]);
            }
        }
        var probe = new FreshTokenProbe(tokens.For(connection));
        var (writeBackRequested, writeBack) = await ContractWriteBackScope.ReadAsync(db, connection.ContractId, cancellationToken);
        var report = await check.RunAsync(new ConnectionCheckRequest
        {
            OrganizationUrl = connection.OrganizationUrl, Tokens = probe,
            AllowedExtraHosts = options.Value.AllowedExtraHosts, WriteBackRequested = writeBackRequested, WriteBack = writeBack,
        }, cancellationToken);
        if (report.Steps.FirstOrDefault(s => s.Outcome == ConnectionCheckOutcome.Failed) is not { } failed)
        {
            return connection.OrganizationId is { } expected && report.Org.OrganizationId is { } found && found != expected
                ? HealthFinding.Failed(ConnectionFailureMessages.CouldNotConnect,
                    [$"{connection.OrganizationUrl} now serves another org ({found}) than the one connected ({expected}); reconnect under CRM Settings."])
                : HealthFinding.Healthy;
        }
        var causes = failed.Causes.ToList();
        if (probe.SignInRequired is not null)
        {
            causes.Insert(0, $"The sign-in of {connection.SignedInAs ?? "the connected CRM user"} was revoked or has expired; reconnect under CRM Settings.");
        }
        return HealthFinding.Failed(failed.Message, causes);
    }

    private IReadOnlyList<string> CertificateWarnings(OrgConnection connection)
    {
        if (connection is not { ProtectedClientCertificate: { } stored, Status: not OrgConnectionStatus.Disconnected }) return [];
        using var certificate = ClientCertificateCredential.Load(protector.UnprotectBytes(stored));
        return ClientCertificateCredential.RenewalWarningFor(certificate, time.GetUtcNow()) is { } warning ? [warning] : [];
    }
}
