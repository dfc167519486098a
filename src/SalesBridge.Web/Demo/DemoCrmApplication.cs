using SalesBridge.CrmConnection;
using SalesBridge.Emulator.Identity;
using SalesBridge.Web.Crm;

namespace SalesBridge.Web.Demo;

/// <summary>
/// In demo mode the emulator stands in for Entra ID and Dynamics: SalesBridge's sign-in app is registered on the
/// emulator, application users get their tokens there, and the emulator's loopback host is accepted as an org URL.
/// </summary>
internal static class DemoCrmApplication
{
    public const string ClientId = "0c5b8f5e-3d1a-4f7b-9a55-5a1e5b812026";

    // A demo-only secret of an app that exists only inside the emulator; it guards nothing real.
    public const string ClientSecret = "sb-demo-signin-secret-2026";

    /// <summary>The registration the emulator accepts sign-ins for: any loopback port, the host's callback path.</summary>
    public static ClientRegistration Registration =>
        new(ClientId, ClientSecret, [$"http://127.0.0.1{CrmSignInRedirect.Path}", $"http://localhost{CrmSignInRedirect.Path}"]);

    /// <summary>Points <paramref name="crm"/> at the emulator listening on <paramref name="emulatorUrl"/>, keeping what the operator set.</summary>
    public static void Configure(CrmOptions crm, Uri emulatorUrl)
    {
        if (!crm.AllowedExtraHosts.Contains(emulatorUrl.Host, StringComparer.OrdinalIgnoreCase)) crm.AllowedExtraHosts.Add(emulatorUrl.Host);
        crm.EntraAuthorityHost = emulatorUrl;
        crm.AllowNonEntraAuthority = true;
        crm.SignIn ??= new CrmSignInApplication
        {
            TenantId = "organizations", ClientId = ClientId, ClientSecret = ClientSecret,
            Authority = new Uri(emulatorUrl, "organizations"), AllowNonEntraAuthority = true,
        };
    }
}
