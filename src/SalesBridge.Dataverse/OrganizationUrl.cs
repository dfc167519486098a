namespace SalesBridge.Dataverse;

/// <summary>
/// Checks an org URL before anything is sent to it: Dynamics 365 online orgs live at
/// <c>https://{name}.crm[N].dynamics.com</c> (and the sovereign clouds' equivalents). On-premises servers and
/// arbitrary hosts are refused, so that a typo or a hostile value cannot send tokens elsewhere.
/// </summary>
public static class OrganizationUrl
{
    private static readonly string[] OnlineSuffixes =
    [
        ".dynamics.com", ".crm.microsoftdynamics.us", ".crm.appsplatform.us", ".crm.dynamics.cn", ".crm.microsoftdynamics.de",
    ];

    /// <summary>The reason <paramref name="url"/> is not acceptable, or null when it is.</summary>
    public static string? Problem(Uri? url, bool allowNonDynamicsHost)
    {
        if (url is null) return "The organization URL is missing.";
        if (!url.IsAbsoluteUri) return $"The organization URL '{url}' is not absolute.";
        if (!string.IsNullOrEmpty(url.UserInfo)) return "The organization URL must not carry a user name or password.";
        if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment)) return $"The organization URL '{url}' must not have a query or fragment.";
        if (allowNonDynamicsHost) return url.Scheme is "http" or "https" ? null : $"The organization URL '{url}' must use http or https.";
        if (url.Scheme != Uri.UriSchemeHttps) return $"The organization URL '{url}' must use https.";
        if (url.AbsolutePath is not ("/" or "")) return $"The organization URL '{url}' must be the org's root, without a path.";
        var host = url.IdnHost.ToLowerInvariant();
        if (!IsOnlineHost(host))
        {
            return $"'{url.Host}' is not a Dynamics 365 online org. Only online orgs (https://<org>.crm.dynamics.com and the " +
                "sovereign clouds) are supported; on-premises servers are not.";
        }
        if (!host.Contains(".crm", StringComparison.Ordinal)) return $"'{url.Host}' is not a Dynamics 365 org host (expected <org>.crm[N].dynamics.com).";
        return null;
    }

    /// <summary>
    /// Whether <paramref name="host"/> lies under a Dynamics 365 online domain (<c>*.dynamics.com</c> or a sovereign
    /// cloud's). Anything else (an on-premises server, an IFD address such as <c>crm.contoso.com</c>) is not online.
    /// </summary>
    public static bool IsOnlineHost(string host)
    {
        var name = host.ToLowerInvariant();
        return OnlineSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            && name.Split('.')[0].Length > 0;
    }
}
