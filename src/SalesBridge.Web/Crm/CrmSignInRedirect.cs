namespace SalesBridge.Web.Crm;

/// <summary>Where Entra ID (or the emulator's sign-in page in demo mode) sends the admin back with the authorization code.</summary>
public static class CrmSignInRedirect
{
    /// <summary>The path registered as the app's redirect URI, under the host's public address.</summary>
    public const string Path = "/Admin/Crm/SignedIn";

    /// <summary>The redirect URI for a request that reached this host at <paramref name="request"/>'s scheme and host.</summary>
    public static Uri For(HttpRequest request) => new($"{request.Scheme}://{request.Host}{Path}");
}
