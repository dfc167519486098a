using System.ComponentModel.DataAnnotations;

namespace SalesBridge.Dataverse.Authentication;

/// <summary>
/// The web app registration an admin signs in through for <see cref="AuthorizationCodeTokenProvider"/>: the
/// confidential client and the redirect URI Entra sends the authorization code back to.
/// </summary>
public sealed class AuthorizationCodeTokenProviderOptions : EntraApplicationOptions
{
    /// <summary>The redirect URI registered on the app, where the sign-in page sends the code (e.g. <c>https://salesbridge.example/signin-dataverse</c>).</summary>
    [Required]
    public Uri? RedirectUri { get; set; }

    /// <summary>A multi-tenant app registration signs admins of any tenant in through <c>organizations</c> (or <c>common</c>).</summary>
    protected internal override bool AcceptsMultiTenantAuthority => true;
}
