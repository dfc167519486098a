using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using SalesBridge.Access;
using SalesBridge.Dataverse.Authentication;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.Text;
using SalesBridge.UseCases;

namespace SalesBridge.CrmConnection;

/// <summary>
/// Admins: finish a sign-in with a Dynamics account when the sign-in page redirects back: redeem the code, run every
/// check as the signed-in account, and store the connection only when they pass. The sign-in's token cache (its
/// refresh token) is written, protected, onto the contract's connection row while the code is redeemed; if anything
/// fails afterwards, the row gets back what it held before (or goes again, if it was made for this sign-in).
/// </summary>
public sealed class CompleteAdminSignIn(
    SalesBridgeDbContext db, ConnectionCheck check, OrgTokenProviders tokens, IOptions<CrmOptions> options,
    IDistributedCache cache, IDataProtectionProvider protection, TimeProvider time) : IUseCase
{
    private readonly PendingAdminSignIns _pending = new(cache, protection, time);

    /// <summary>The redirect's query: <c>code</c> and <c>state</c>, or Entra's <c>error</c> and <c>error_description</c>.</summary>
    public sealed record Request(string? Code, string? State, string? Error = null, string? ErrorDescription = null);

    /// <returns>The report; its outcome says whether the connection was stored. A sign-in that did not complete fails its "Signed in" step.</returns>
    /// <exception cref="ConflictException">The contract was connected to another org meanwhile; disconnect first.</exception>
    public async Task<ConnectionCheckReport> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        var pending = string.IsNullOrEmpty(request.State) ? null : await _pending.TakeAsync(request.State, cancellationToken);
        // Another admin's sign-in is answered like an unknown one: a forwarded redirect must not connect this contract.
        if (pending is not null && (pending.ContractId != caller.ContractId || pending.AdminId != caller.UserId)) pending = null;
        if (!string.IsNullOrEmpty(request.Error))
        {
            var said = string.IsNullOrWhiteSpace(request.ErrorDescription) ? request.Error : $"{request.ErrorDescription.Trim()} ({request.Error})";
            return Failed($"The sign-in was not completed. Microsoft Entra ID said: {said}", pending);
        }
        if (pending is null)
        {
            return Failed("This sign-in response does not belong to a sign-in you started here (the state does not match), or it expired: " +
                $"a sign-in must be completed within {PendingAdminSignIns.Lifetime.TotalMinutes:0} minutes. Start again with Connect to CRM.", null);
        }
        if (string.IsNullOrEmpty(request.Code)) return Failed("The sign-in page sent no authorization code back. Sign in again.", pending);

        var existing = await OrgConnectionWrites.FindAsync(db, caller.ContractId, cancellationToken);
        OrgConnectionWrites.RefuseOtherUrl(existing, pending.OrganizationUrl);
        var row = existing ?? await AddPlaceholderAsync(caller, pending, cancellationToken);
        var undo = existing is null
            ? () => db.OrgConnections.Where(c => c.Id == row.Id && c.Status == OrgConnectionStatus.Disconnected).ExecuteDeleteAsync(CancellationToken.None)
            : (Func<Task<int>>)(() => db.OrgConnections.Where(c => c.Id == row.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.ProtectedTokenCache, existing.ProtectedTokenCache), CancellationToken.None));
        var stored = false;
        try
        {
            var provider = tokens.ForAdminSignIn(row.Id, pending.RedirectUri);
            DataverseSignedInUser user;
            try
            {
                user = await provider.CompleteSignInAsync(
                    new DataverseSignInRequest(pending.AuthorizationUrl, pending.State, pending.CodeVerifier, pending.OrganizationUrl), request.Code, request.State, cancellationToken);
            }
            catch (DataverseAuthenticationException failure)
            {
                return Failed($"The sign-in could not be completed: {failure.Message}", pending);
            }

            var (writeBackRequested, writeBack) = await ContractWriteBackScope.ReadAsync(db, caller.ContractId, cancellationToken);
            var report = await check.RunAsync(new ConnectionCheckRequest
            {
                OrganizationUrl = pending.OrganizationUrl.ToString(), Tokens = provider, AllowedExtraHosts = options.Value.AllowedExtraHosts,
                WriteBackRequested = writeBackRequested, WriteBack = writeBack,
            }, cancellationToken);
            if (report.Outcome == ConnectionCheckOutcome.Failed) return report;
            var connection = await OrgConnectionWrites.SaveConnectedAsync(db, caller, report, connection =>
            {
                connection.SignInMethod = OrgSignInMethod.AdminSignIn;
                connection.SignedInAs = ColumnFit.Cut(user.UserName, OrgConnection.MaxNameLength);
                connection.TenantId = null;
                connection.ClientId = null;
                connection.ProtectedClientSecret = null;
                connection.ProtectedClientCertificate = null;
            }, cancellationToken);
            stored = true;
            tokens.Forget(connection.Id);
            return report;
        }
        finally
        {
            // Store nothing unless everything passed: not the new sign-in's tokens, not the row made for them.
            if (!stored) await undo();
        }
    }

    /// <summary>
    /// A row to hold the sign-in's token cache while the code is redeemed and checked: Disconnected (so nothing uses
    /// it), and removed again if the checks fail.
    /// </summary>
    private async Task<OrgConnection> AddPlaceholderAsync(Caller caller, PendingAdminSignIn pending, CancellationToken cancellationToken)
    {
        var row = new OrgConnection
        {
            ContractId = caller.ContractId, OrganizationUrl = pending.OrganizationUrl.ToString(), SignInMethod = OrgSignInMethod.AdminSignIn,
            Status = OrgConnectionStatus.Disconnected, ConnectedAt = time.GetUtcNow(), ConnectedById = caller.UserId,
        };
        db.OrgConnections.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(row).State = EntityState.Detached;
        return row;
    }

    private ConnectionCheckReport Failed(string cause, PendingAdminSignIn? pending) =>
        ConnectionReports.FailedAt(ConnectionCheckKind.SignedIn, cause, time.GetUtcNow(), pending?.OrganizationUrl);
}
