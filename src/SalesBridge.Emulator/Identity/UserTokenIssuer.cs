using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace SalesBridge.Emulator.Identity;

/// <summary>
/// Turns a signed-in user and a scope into a token response, the same way for a redeemed code and for a
/// refresh: an access token for the one resource, an id token when <c>openid</c> was asked for, and a new
/// refresh token when <c>offline_access</c> was.
/// </summary>
internal sealed class UserTokenIssuer(TokenFactory tokens, RefreshTokenStore refreshTokens)
{
    /// <summary>Dataverse exposes a single delegated permission; <c>.default</c> grants what was consented, i.e. it.</summary>
    private const string DelegatedPermission = "user_impersonation";

    public TokenOutcome Issue(IdentityUrls urls, SignInAccount user, string clientId, RequestedScope scope, string? nonce, bool clientAuthenticated)
    {
        if (scope.Resource is not { } resource)
        {
            // Entra would hand out a Microsoft Graph token here; the emulator has no Graph to issue for.
            return EntraErrors.EmptyScopeForCode();
        }

        if (scope.Permission is not (DelegatedPermission or ".default"))
        {
            return EntraErrors.InvalidScope($"{resource}/{scope.Permission}");
        }

        var access = tokens.CreateUserToken(urls, user, clientId, resource, DelegatedPermission, clientAuthenticated);
        var granted = scope.Describe(DelegatedPermission);
        var response = new TokenResponse
        {
            Scope = granted,
            ExpiresIn = access.ExpiresIn,
            AccessToken = access.Token,
            IdToken = scope.OpenId ? tokens.CreateIdToken(urls, user, clientId, nonce) : null,
            RefreshToken = scope.OfflineAccess ? refreshTokens.Issue(user.ObjectId, user.UserName, clientId, granted, resource) : null,
            ClientInfo = ClientInfo(user.ObjectId, urls.Tenant),
        };
        return new TokenOutcome.Issued(response, user.ObjectId.ToString("D"));
    }

    private static string ClientInfo(Guid objectId, Guid tenant) =>
        Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["uid"] = objectId.ToString("D"),
            ["utid"] = tenant.ToString("D"),
        }));
}
