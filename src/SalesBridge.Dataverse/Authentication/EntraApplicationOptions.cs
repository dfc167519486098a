using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography.X509Certificates;

namespace SalesBridge.Dataverse.Authentication;

/// <summary>
/// An app registration in Entra ID that signs in to Dataverse as a confidential client: its tenant, client id and
/// credential (a client secret or a certificate), and the authority it gets tokens from.
/// </summary>
public abstract class EntraApplicationOptions
{
    internal const string GuidPattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    /// <summary>The tenant segments Entra ID accepts for sign-ins of users from any work or school tenant.</summary>
    internal static readonly string[] MultiTenantSegments = ["organizations", "common"];

    /// <summary>
    /// The directory (tenant) id, a GUID; an app that admins of any tenant sign in to (authorization code only) may
    /// use <c>organizations</c> or <c>common</c> instead (see <see cref="AcceptsMultiTenantAuthority"/>).
    /// </summary>
    [Required(ErrorMessage = "TenantId is required.")]
    public string TenantId { get; set; } = "";

    /// <summary>
    /// Whether <see cref="TenantId"/> may be <c>organizations</c> or <c>common</c>: true for a user sign-in, where Entra
    /// resolves the user's own tenant; false for client credentials, which need the one tenant the app user lives in.
    /// </summary>
    protected internal virtual bool AcceptsMultiTenantAuthority => false;

    /// <summary>The application (client) id of the app registration, a GUID.</summary>
    [Required, RegularExpression(GuidPattern, ErrorMessage = "ClientId must be the application (client) id, a GUID.")]
    public string ClientId { get; set; } = "";

    /// <summary>The client secret's value (not its id). Never logged; set either this or <see cref="ClientCertificate"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>A certificate with its private key registered on the app, instead of a secret.</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>
    /// Where tokens come from, including the tenant: <c>https://login.microsoftonline.com/{TenantId}</c> when not set.
    /// Sovereign clouds use their own Entra host (e.g. <c>https://login.microsoftonline.us/{TenantId}</c>).
    /// </summary>
    public Uri? Authority { get; set; }

    /// <summary>
    /// Accept an authority that is not an Entra ID host (MSAL then skips instance discovery and authority
    /// validation): for the emulator and tests only. The authority must still be https.
    /// </summary>
    public bool AllowNonEntraAuthority { get; set; }

    /// <summary>The authority actually used: <see cref="Authority"/> or the public cloud's for <see cref="TenantId"/>.</summary>
    public Uri EffectiveAuthority => Authority ?? new Uri($"https://login.microsoftonline.com/{TenantId}");

    /// <inheritdoc/>
    public override string ToString() =>
        $"{GetType().Name}(ClientId={ClientId}, TenantId={TenantId}, Authority={EffectiveAuthority}, Credential={CredentialKind})";

    private string CredentialKind => ClientCertificate is not null ? $"certificate {ClientCertificate.Thumbprint}"
        : string.IsNullOrEmpty(ClientSecret) ? "none" : "secret (hidden)";
}
