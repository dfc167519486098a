using System.ComponentModel.DataAnnotations;

namespace SalesBridge.CrmConnection;

/// <summary>How SalesBridge reaches CRM orgs (configuration section <c>Crm</c>).</summary>
public sealed class CrmOptions
{
    public const string SectionName = "Crm";

    /// <summary>
    /// Hosts accepted as org URLs besides Dynamics 365 online ones: the emulator (<c>127.0.0.1</c>) in demo mode and
    /// tests. Empty in production, where only online orgs are accepted.
    /// </summary>
    public List<string> AllowedExtraHosts { get; set; } = [];

    /// <summary>
    /// Where application users get their tokens: <c>{EntraAuthorityHost}/{tenant id}</c>. Entra ID's public cloud by
    /// default; a sovereign cloud's host, or the emulator in demo mode.
    /// </summary>
    public Uri EntraAuthorityHost { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>Accept an <see cref="EntraAuthorityHost"/> that is not Entra ID (the emulator). Never in production.</summary>
    public bool AllowNonEntraAuthority { get; set; }

    /// <summary>SalesBridge's own app registration that admins sign in through (SPEC S1); without it only application users can connect.</summary>
    public CrmSignInApplication? SignIn { get; set; }

    /// <summary>
    /// Requests SalesBridge sends to one org per 5 minutes, all its processes together (B7, B9). Dataverse allows 6,000 per
    /// user per 5 minutes; the default keeps a tenth for anyone else using the same user.
    /// </summary>
    [Range(1, 1_000_000)]
    public int OrgRequestBudget { get; set; } = 5_400;

    /// <summary>
    /// How many processes talk to orgs (worker nodes; 1 on a single machine). Each takes this share of
    /// <see cref="OrgRequestBudget"/>, so that together they never push an org past its limits.
    /// </summary>
    [Range(1, 1_000)]
    public int NodesSharingOrgBudget { get; set; } = 1;

    /// <summary>How long a failing connection keeps syncing before sync pauses (the seed's product uses 3 days).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How often every connection is checked in the background, so a failing one is flagged at once.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>The web app registration for the admin sign-in (authorization code with PKCE).</summary>
public sealed class CrmSignInApplication
{
    /// <summary>The app's directory (tenant) id, or <c>organizations</c> for an app that admins of any tenant sign in to.</summary>
    public string TenantId { get; set; } = "organizations";
    public string ClientId { get; set; } = "";

    /// <summary>The app's client secret; from a secret store or environment variable, never from a checked-in file.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Where the sign-in page is; Entra ID's public cloud when not set.</summary>
    public Uri? Authority { get; set; }
    public bool AllowNonEntraAuthority { get; set; }

    /// <summary>
    /// The redirect URI registered on the app. Not set: the address the admin's request reached plus
    /// <c>/Admin/Crm/SignedIn</c>; set it when SalesBridge runs behind a proxy that terminates TLS or rewrites the host.
    /// </summary>
    public Uri? RedirectUri { get; set; }
}
