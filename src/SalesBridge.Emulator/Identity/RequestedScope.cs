namespace SalesBridge.Emulator.Identity;

/// <summary>
/// A parsed <c>scope</c> parameter: at most one resource (with its permission, e.g. <c>user_impersonation</c>
/// or <c>.default</c>) plus the OpenID Connect scopes.
/// </summary>
internal sealed record RequestedScope(string? Resource, string? Permission, IReadOnlySet<string> OpenIdScopes)
{
    private static readonly HashSet<string> KnownOpenIdScopes = new(StringComparer.OrdinalIgnoreCase) { "openid", "profile", "email", "offline_access" };

    public bool OpenId => OpenIdScopes.Contains("openid");

    public bool OfflineAccess => OpenIdScopes.Contains("offline_access");

    public static ScopeParse Parse(string? scope)
    {
        string? resource = null;
        string? permission = null;
        var openId = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (KnownOpenIdScopes.Contains(item))
            {
                openId.Add(item.ToLowerInvariant());
                continue;
            }

            var slash = item.LastIndexOf('/');
            if (slash <= 0 || slash == item.Length - 1 || !Uri.TryCreate(item[..slash], UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                return new ScopeParse.Failed(EntraErrors.InvalidScope(item));
            }

            // "https://org.crm.dynamics.com//.default" is a common client mistake that Entra tolerates.
            var itemResource = item[..slash].TrimEnd('/');
            if (resource is not null && !resource.Equals(itemResource, StringComparison.OrdinalIgnoreCase))
            {
                return new ScopeParse.Failed(EntraErrors.MultipleResources());
            }

            resource = itemResource;
            permission = item[(slash + 1)..];
        }

        return new ScopeParse.Parsed(new RequestedScope(resource, permission, openId));
    }

    /// <summary>
    /// This request's scope completed by an earlier grant's: the resource asked for now wins (a refresh token
    /// is not tied to a resource), and the OIDC scopes consented earlier still apply.
    /// </summary>
    public RequestedScope Over(RequestedScope earlier) => new(
        Resource ?? earlier.Resource,
        Resource is null ? earlier.Permission : Permission,
        new HashSet<string>(OpenIdScopes.Union(earlier.OpenIdScopes), StringComparer.OrdinalIgnoreCase));

    /// <summary>The scope a token response reports: the resource permission first, then the OIDC scopes.</summary>
    public string Describe(string? grantedPermission = null)
    {
        var parts = new List<string>();
        if (Resource is not null)
        {
            parts.Add($"{Resource}/{grantedPermission ?? Permission}");
        }

        parts.AddRange(OpenIdScopes.Order(StringComparer.Ordinal));
        return string.Join(' ', parts);
    }
}

internal abstract record ScopeParse
{
    public sealed record Parsed(RequestedScope Scope) : ScopeParse;

    public sealed record Failed(EntraError Error) : ScopeParse;
}
