using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmConnection;

/// <summary>
/// Admins: start connecting by signing in with a Dynamics account (OAuth 2.0 authorization code with PKCE, SPEC S1).
/// The org URL is checked first (nothing is sent for a refused one); then the admin is sent to the sign-in page, and
/// <see cref="CompleteAdminSignIn"/> finishes when the sign-in page redirects back.
/// </summary>
public sealed class StartAdminSignIn(
    SalesBridgeDbContext db, OrgTokenProviders tokens, IOptions<CrmOptions> options,
    IDistributedCache cache, IDataProtectionProvider protection, TimeProvider time) : IUseCase
{
    private readonly PendingAdminSignIns _pending = new(cache, protection, time);

    public sealed record Request
    {
        [Required(ErrorMessage = "organizationUrl is required.")]
        [StringLength(OrgConnection.MaxUrlLength, ErrorMessage = "organizationUrl must be at most 400 characters.")]
        public string? OrganizationUrl { get; init; }

        /// <summary>The account to fill in on the sign-in page, e.g. the integration user's sign-in name.</summary>
        [StringLength(256, ErrorMessage = "loginHint must be at most 256 characters.")]
        public string? LoginHint { get; init; }
    }

    /// <summary>Where to send the admin (<see cref="AuthorizationUrl"/>), or why the URL was refused (<see cref="RefusedUrl"/>).</summary>
    public sealed record Result(Uri? AuthorizationUrl, ConnectionCheckReport? RefusedUrl);

    /// <summary>Why signing in with a Dynamics account is unavailable on this installation, or null when it is available.</summary>
    public static string? UnavailableReason(CrmOptions crm) => crm.SignIn is null
        ? "Signing in with a Dynamics account needs SalesBridge's app registration in Microsoft Entra ID (setting Crm:SignIn), " +
          "which this installation does not have. Connect with an application user instead, or ask your SalesBridge operator to set Crm:SignIn."
        : null;

    /// <param name="redirectUri">Where the sign-in page sends the admin back (this host's callback page).</param>
    /// <exception cref="ConflictException">Signing in is not configured (<c>Crm:SignIn</c>), or the contract is connected to another org.</exception>
    public async Task<Result> HandleAsync(Caller caller, Request request, Uri redirectUri, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireContractAdmin();
        if (UnavailableReason(options.Value) is { } unavailable) throw new ConflictException(unavailable);
        var verdict = OrgUrlGate.Check(request.OrganizationUrl!, options.Value.AllowedExtraHosts);
        if (verdict is OrgUrlVerdict.Refused refused)
        {
            return new Result(null, ConnectionReports.FailedAt(ConnectionCheckKind.OrganizationUrl, refused.Cause, time.GetUtcNow()));
        }
        var url = ((OrgUrlVerdict.Accepted)verdict).Root;
        var existing = await OrgConnectionWrites.FindAsync(db, caller.ContractId, cancellationToken);
        OrgConnectionWrites.RefuseOtherUrl(existing, url);

        // Building the sign-in URL reads no token cache, so which row the provider names does not matter yet.
        var provider = tokens.ForAdminSignIn(existing?.Id ?? Guid.NewGuid(), redirectUri);
        var loginHint = string.IsNullOrWhiteSpace(request.LoginHint) ? null : request.LoginHint.Trim();
        var signIn = await provider.StartSignInAsync(url, loginHint, cancellationToken);
        await _pending.KeepAsync(new PendingAdminSignIn(caller.ContractId, caller.UserId, url, redirectUri, signIn.AuthorizationUrl,
            signIn.State, signIn.CodeVerifier, time.GetUtcNow() + PendingAdminSignIns.Lifetime), cancellationToken);
        return new Result(signIn.AuthorizationUrl, null);
    }
}
