namespace SalesBridge.CrmConnection;

/// <summary>
/// A contract's connection to its Dynamics org (one per contract): which org, how SalesBridge signs in to it, what
/// the checks learned about it, and its health. Secrets are kept only in protected form (ASP.NET Core Data
/// Protection, see <see cref="CrmSecretProtector"/>) and never leave the server. A disconnected connection keeps its
/// row without secrets, so reconnecting to the same org (same <see cref="OrganizationId"/>) resumes where it stopped.
/// </summary>
public sealed class OrgConnection
{
    public const int MaxUrlLength = 400;
    public const int MaxNameLength = 200;
    public const int MaxFailureLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }

    /// <summary>The org's root URL as the checks accepted it, e.g. <c>https://contoso.crm4.dynamics.com/</c>.</summary>
    public required string OrganizationUrl { get; set; }
    public Guid? OrganizationId { get; set; }
    public string? OrganizationName { get; set; }
    public string? Version { get; set; }

    /// <summary>"Production", "Sandbox", "Trial" …: shown wherever the connection is (SPEC S2).</summary>
    public string? EnvironmentLabel { get; set; }
    public bool IsSandbox { get; set; }

    public OrgSignInMethod SignInMethod { get; set; }

    /// <summary>The application user's directory (tenant) id; null for an admin sign-in.</summary>
    public string? TenantId { get; set; }

    /// <summary>The application user's client id; null for an admin sign-in.</summary>
    public string? ClientId { get; set; }

    /// <summary>The application user's client secret, protected; never sent to a browser or logged.</summary>
    public string? ProtectedClientSecret { get; set; }

    /// <summary>
    /// The application user's certificate with its private key, instead of a secret: a PFX without password,
    /// protected (base64 of the protected bytes); never sent to a browser or logged.
    /// </summary>
    public string? ProtectedClientCertificate { get; set; }

    /// <summary>The admin sign-in's MSAL token cache (its refresh token), protected.</summary>
    public string? ProtectedTokenCache { get; set; }

    /// <summary>Who SalesBridge acts as in the CRM: the admin's or integration user's sign-in name, or the app's client id.</summary>
    public string? SignedInAs { get; set; }

    /// <summary>The CRM user (systemuserid) SalesBridge acts as: the creator of what it writes back (SPEC S16).</summary>
    public Guid? CrmUserId { get; set; }

    public OrgConnectionStatus Status { get; set; }
    public DateTimeOffset ConnectedAt { get; set; }
    public Guid ConnectedById { get; set; }
    public DateTimeOffset? LastCheckedAt { get; set; }

    /// <summary>When the connection started failing; sync pauses once the grace period after it has passed.</summary>
    public DateTimeOffset? FailingSince { get; set; }

    /// <summary>The S4 message of the current failure, and its causes (one per line) beneath it.</summary>
    public string? FailureMessage { get; set; }
    public string? FailureCauses { get; set; }

    public DateTimeOffset? DisconnectedAt { get; set; }

    /// <summary>The last completed import run (issue 8 sets it); shown as "Last completed sync" (SPEC S3).</summary>
    public DateTimeOffset? LastCompletedSyncAt { get; set; }

    /// <summary>Forgets the current failure: after a passed check, a reconnect or a disconnect.</summary>
    public void ClearFailure()
    {
        FailingSince = null;
        FailureMessage = null;
        FailureCauses = null;
    }

    /// <summary>Optimistic concurrency: two admins or an admin and the health monitor never overwrite each other unseen.</summary>
    public Guid Revision { get; set; } = Guid.NewGuid();
}

/// <summary>How SalesBridge signs in to the org.</summary>
public enum OrgSignInMethod
{
    /// <summary>OAuth 2.0 authorization code: a Dynamics admin or integration user signed in in the browser (SPEC S1).</summary>
    AdminSignIn,

    /// <summary>An application user: client credentials with a client secret or a certificate.</summary>
    ApplicationUser,
}

/// <summary>The connection's health as admins see it.</summary>
public enum OrgConnectionStatus
{
    Connected,

    /// <summary>The last check failed; admins were alerted and sync still runs until the grace period ends.</summary>
    Failing,

    /// <summary>Failing for longer than the grace period: sync is paused until an admin reconnects.</summary>
    Paused,

    /// <summary>An admin disconnected it; no secrets are kept.</summary>
    Disconnected,
}
