using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmConnection;

/// <summary>
/// Admins: connect the contract to its org as an application user (client credentials with a secret or a
/// certificate, SPEC S1). Every check runs first (S2, S4, B3); only a passed check is stored, with the secret or
/// certificate protected. A failed check stores nothing and
/// comes back as the report: which step failed, its S4 message, and the causes beneath it.
/// </summary>
public sealed class ConnectApplicationUser(
    SalesBridgeDbContext db, ConnectionCheck check, OrgTokenProviders tokens, CrmSecretProtector protector, IOptions<CrmOptions> options) : IUseCase
{
    /// <summary>Base64 of <see cref="ClientCertificateCredential.MaxPfxBytes"/> bytes, with room for line breaks.</summary>
    private const int MaxCertificateLength = ClientCertificateCredential.MaxPfxBytes / 3 * 4 + 4096;
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

        /// <summary>The client secret's value; or <see cref="ClientCertificate"/> instead.</summary>
        [StringLength(1000, ErrorMessage = "clientSecret must be at most 1000 characters.")]
        [ExactlyOneCredential]
        public string? ClientSecret { get; init; }

        /// <summary>Base64 of a .pfx (PKCS#12) with the certificate and its private key; or <see cref="ClientSecret"/> instead.</summary>
        [StringLength(MaxCertificateLength, ErrorMessage = "clientCertificate must be a .pfx file of at most 64 KiB.")]
        [ExactlyOneCredential]
        public string? ClientCertificate { get; init; }

        /// <summary>The .pfx file's password, when it has one; only used to read it, never stored.</summary>
        [StringLength(1000, ErrorMessage = "clientCertificatePassword must be at most 1000 characters.")]
        public string? ClientCertificatePassword { get; init; }

        // Secrets never appear in logs or exception messages that print the request.
        public override string ToString() => $"Request {{ OrganizationUrl = {OrganizationUrl}, TenantId = {TenantId}, ClientId = {ClientId} }}";
    }

    /// <returns>The check's report; its <see cref="ConnectionCheckReport.Outcome"/> says whether the connection was stored.</returns>
    /// <exception cref="ConflictException">The contract is connected to another org; disconnect first.</exception>
    public async Task<ConnectionCheckReport> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireContractAdmin();
        var credential = Credential(request);
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
            Tokens = credential.Pfx is { } pfx ? tokens.ForApplicationUser(tenantId, clientId, pfx) : tokens.ForApplicationUser(tenantId, clientId, credential.Secret!),
            AllowedExtraHosts = options.Value.AllowedExtraHosts, WriteBackRequested = writeBackRequested, WriteBack = writeBack,
        }, cancellationToken);
        if (report.Outcome == ConnectionCheckOutcome.Failed) return report;

        var secret = credential.Secret is { } plain ? protector.Protect(plain) : null;
        var certificate = credential.Pfx is { } bytes ? protector.Protect(bytes) : null;
        var connection = await OrgConnectionWrites.SaveConnectedAsync(db, caller, report, connection =>
        {
            connection.SignInMethod = OrgSignInMethod.ApplicationUser;
            connection.TenantId = tenantId;
            connection.ClientId = clientId;
            connection.ProtectedClientSecret = secret;
            connection.ProtectedClientCertificate = certificate;
            connection.ProtectedTokenCache = null;
            connection.SignedInAs = clientId;
        }, cancellationToken);
        tokens.Forget(connection.Id);
        return report;
    }

    /// <summary>The secret, or the certificate read and freed of its password (validation made sure it is exactly one).</summary>
    private static (string? Secret, byte[]? Pfx) Credential(Request request) => HasSecret(request)
        ? (request.ClientSecret, null)
        : (null, ClientCertificateCredential.ReadUpload(request.ClientCertificate!, request.ClientCertificatePassword));

    private static bool HasSecret(Request request) => !string.IsNullOrEmpty(request.ClientSecret);

    private static bool HasCertificate(Request request) => !string.IsNullOrWhiteSpace(request.ClientCertificate);

    /// <summary>
    /// On both credential fields, so the refusal names each of them and comes with the request's other field errors
    /// (an <see cref="IValidatableObject"/> would only run once every field passed).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    private sealed class ExactlyOneCredentialAttribute : ValidationAttribute
    {
        protected override ValidationResult? IsValid(object? value, ValidationContext context)
        {
            var request = (Request)context.ObjectInstance;
            var field = context.MemberName is { } member ? [member] : Array.Empty<string>();
            return (HasSecret(request), HasCertificate(request)) switch
            {
                (true, true) => new ValidationResult("Give either clientSecret or clientCertificate, not both.", field),
                (false, false) => new ValidationResult("clientSecret or clientCertificate is required.", field),
                _ => ValidationResult.Success,
            };
        }
    }
}
