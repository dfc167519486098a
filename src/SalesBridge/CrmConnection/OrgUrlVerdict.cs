namespace SalesBridge.CrmConnection;

/// <summary>What the URL check decided: the org root to connect to, or why the URL is refused.</summary>
public abstract record OrgUrlVerdict
{
    private OrgUrlVerdict()
    {
    }

    /// <summary>The URL names an org SalesBridge may send a token to.</summary>
    /// <param name="Root">The org's root URL, without path (online) or as given (allow-listed host).</param>
    /// <param name="IsExtraHost">The host is on the allow-list (the demo emulator), not a Dynamics 365 online host.</param>
    public sealed record Accepted(Uri Root, bool IsExtraHost) : OrgUrlVerdict;

    /// <summary>The URL is refused before any request is sent; <paramref name="Cause"/> says why, for the admin.</summary>
    public sealed record Refused(string Cause, bool IsOnPremises) : OrgUrlVerdict;
}
