using SalesBridge.CrmConnection;

namespace SalesBridge.Web.Crm;

/// <summary>Where Entra ID (or the emulator's sign-in page in demo mode) sends the admin back with the authorization code.</summary>
public static class CrmSignInRedirect
{
    /// <summary>The path registered as the app's redirect URI, under the host's public address.</summary>
    public const string Path = "/Admin/Crm/SignedIn";

    /// <summary>
    /// The configured redirect URI (<c>Crm:SignIn:RedirectUri</c>), else the one for the scheme and host
    /// <paramref name="request"/> reached. A forged Host header gains nothing: Entra ID only redirects to registered URIs.
    /// </summary>
    public static Uri For(HttpRequest request, CrmOptions options) =>
        options.SignIn?.RedirectUri ?? new($"{request.Scheme}://{request.Host}{Path}");
}
