using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmConnection;

/// <summary>
/// Admins: connect the contract to its org as an application user (client credentials, SPEC S1). Every check runs
/// first (S2, S4, B3); only a passed check is stored, with the secret protected. A failed check stores nothing and
/// comes back as the report: which step failed, its S4 message, and the causes beneath it.
/// </summary>
public sealed class ConnectApplicationUser(
    SalesBridgeDbContext db, ConnectionCheck check, OrgTokenProviders tokens, CrmSecretProtector protector, IOptions<CrmOptions> options) : IUseCase
{
    private const string GuidPattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    public sealed record Request
    {
        [Required(ErrorMessage = "organizationUrl is required.")]
        [StringLength(OrgConnection.MaxUrlLength, ErrorMessage = "organizationUrl must be at most 400 characters.")]
        public string? OrganizationUrl { get; init; }

        [Required(ErrorMessage = "tenantId is required.")]
        [RegularExpression(GuidPattern, ErrorMessage = "tenantId must be the directory (tenant) id, a GUID.")]
        public string? TenantId { get; init; }

        [Required(ErrorMessage = "clientId is required.")]
        [RegularExpression(GuidPattern, ErrorMessage = "clientId must be the application (client) id, a GUID.")]
        public string? ClientId { get; init; }

        [Required(ErrorMessage = "clientSecret is required.")]
        [StringLength(1000, ErrorMessage = "clientSecret must be at most 1000 characters.")]
        public string? ClientSecret { get; init; }

        // The secret never appears in logs or exception messages that print the request.
        public override string ToString() => $"Request {{ OrganizationUrl = {OrganizationUrl}, TenantId = {TenantId}, ClientId = {ClientId} }}";
    }

    /// <returns>The check's report; its <see cref="ConnectionCheckReport.Outcome"/> says whether the connection was stored.</returns>
    /// <exception cref="ConflictException">The contract is connected to another org; disconnect first.</exception>
    public async Task<ConnectionCheckReport> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireContractAdmin();
        var existing = await OrgConnectionWrites.FindAsync(db, caller.ContractId, cancellationToken);
        if (OrgUrlGate.Check(request.OrganizationUrl!, options.Value.AllowedExtraHosts) is OrgUrlVerdict.Accepted accepted)
        {
            // Refused before the secret goes anywhere: the org at the other URL is not this contract's.
            OrgConnectionWrites.RefuseOtherUrl(existing, accepted.Root);
        }

        var tenantId = request.TenantId!.Trim();
        var clientId = request.ClientId!.Trim();
        var (writeBackRequested, writeBack) = await ContractWriteBackScope.ReadAsync(db, caller.ContractId, cancellationToken);
        var report = await check.RunAsync(new ConnectionCheckRequest
        {
            OrganizationUrl = request.OrganizationUrl!,
            Tokens = tokens.ForApplicationUser(tenantId, clientId, request.ClientSecret!),
            AllowedExtraHosts = options.Value.AllowedExtraHosts, WriteBackRequested = writeBackRequested, WriteBack = writeBack,
        }, cancellationToken);
        if (report.Outcome == ConnectionCheckOutcome.Failed) return report;

        var secret = protector.Protect(request.ClientSecret!);
        var connection = await OrgConnectionWrites.SaveConnectedAsync(db, caller, report, connection =>
        {
            connection.SignInMethod = OrgSignInMethod.ApplicationUser;
            connection.TenantId = tenantId;
            connection.ClientId = clientId;
            connection.ProtectedClientSecret = secret;
            connection.ProtectedTokenCache = null;
            connection.SignedInAs = clientId;
        }, cancellationToken);
        tokens.Forget(connection.Id);
        return report;
    }
}
