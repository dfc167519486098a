using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace SalesBridge.Dataverse.Authentication;

/// <summary>Builds the MSAL confidential client for an app registration, pointed at its authority.</summary>
internal static class EntraAuthority
{
    /// <summary>The Entra ID hosts of the public and sovereign clouds.</summary>
    public static readonly string[] Hosts =
        ["login.microsoftonline.com", "login.microsoftonline.us", "login.chinacloudapi.cn", "login.partner.microsoftonline.cn"];

    public static bool IsEntraHost(Uri authority) => Hosts.Contains(authority.IdnHost.ToLowerInvariant());

    public static IConfidentialClientApplication CreateClient(EntraApplicationOptions options, IMsalHttpClientFactory? httpClients, Uri? redirectUri = null)
    {
        var builder = ConfidentialClientApplicationBuilder.Create(options.ClientId);
        builder = options.ClientCertificate is { } certificate
            ? builder.WithCertificate(certificate, new CertificateOptions { SendX5C = true })
            : builder.WithClientSecret(options.ClientSecret);
        var authority = options.EffectiveAuthority.ToString().TrimEnd('/');
        builder = IsEntraHost(options.EffectiveAuthority)
            ? builder.WithAuthority(authority)
            // Another host speaking Entra's protocol (the emulator): MSAL would ask Entra's instance discovery
            // about it and refuse; without discovery it derives the /oauth2/v2.0/ endpoints from the authority
            // exactly as it does for Entra, so the same requests (and client_info accounts) are exercised.
            : builder.WithAuthority(authority, validateAuthority: false).WithInstanceDiscovery(false);
        if (httpClients is not null) builder = builder.WithHttpClientFactory(httpClients);
        if (redirectUri is not null) builder = builder.WithRedirectUri(redirectUri.ToString());
        return builder.Build();
    }
}
