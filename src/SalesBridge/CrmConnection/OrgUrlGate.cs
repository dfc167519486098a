using SalesBridge.Dataverse;

namespace SalesBridge.CrmConnection;

/// <summary>
/// The first check: only an https URL of a Dynamics 365 online org (or of an allow-listed host, for the demo
/// emulator) is accepted, so that a token is never sent to an on-premises server, a typo or a hostile host.
/// A URL pasted from the browser (<c>https://contoso.crm.dynamics.com/main.aspx?appid=…</c>) is cut to its root.
/// </summary>
public static class OrgUrlGate
{
    public static OrgUrlVerdict Check(string typed, IReadOnlyCollection<string> allowedExtraHosts)
    {
        var text = typed.Trim();
        if (text.Length == 0) return Refuse("The organization URL is missing.");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
        {
            return Refuse($"'{text}' is not a web address. Enter the org's URL as https://<org>.crm.dynamics.com.");
        }
        if (!string.IsNullOrEmpty(url.UserInfo)) return Refuse("The organization URL must not carry a user name or password.");

        if (allowedExtraHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
        {
            // The emulator serves further orgs under a path (/{urlName}/), so an allow-listed URL keeps its path.
            var extra = new Uri(url.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
            return OrganizationUrl.Problem(extra, allowNonDynamicsHost: true) is { } problem ? Refuse(problem) : new OrgUrlVerdict.Accepted(extra, true);
        }
        if (!OrganizationUrl.IsOnlineHost(url.IdnHost))
        {
            return new OrgUrlVerdict.Refused(
                $"'{url.Host}' is not a Dynamics 365 online org. On-premises Dynamics servers (including Internet-facing " +
                "deployments) are not supported; enter the URL of an online org, e.g. https://contoso.crm.dynamics.com.", IsOnPremises: true);
        }
        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return Refuse($"'{text}' does not use https. Dynamics 365 online orgs are reached over https only: https://{url.Host}.");
        }
        var root = new Uri($"https://{url.IdnHost}{(url.IsDefaultPort ? "" : ":" + url.Port)}/");
        return OrganizationUrl.Problem(root, allowNonDynamicsHost: false) is { } rootProblem ? Refuse(rootProblem) : new OrgUrlVerdict.Accepted(root, false);
    }

    private static OrgUrlVerdict.Refused Refuse(string cause) => new(cause, IsOnPremises: false);
}
