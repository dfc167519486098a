using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SalesBridge.Emulator.Hosting;

namespace SalesBridge.Emulator.Tests.Infrastructure;

/// <summary>Gets tokens from the emulator's Entra-like endpoints the way a real client does, without a browser.</summary>
public static class TokenClient
{
    /// <summary>The demo public client registered for loopback redirects.</summary>
    public const string PublicClientId = "51f81489-12ee-4a9e-aaae-a2591f45987d";
    private const string RedirectUri = "http://localhost";

    public static Task<string> ClientCredentialsAsync(EmulatorServer server, string clientId, string secret) =>
        server.ClientCredentialsTokenAsync(clientId, secret);

    /// <summary>Authorization code with PKCE: posts the sign-in form, takes the code from the redirect, redeems it.</summary>
    public static async Task<string> SignInAsync(EmulatorServer server, string userName, string password) =>
        (await SignInForTokensAsync(server, userName, password)).GetProperty("access_token").GetString()!;

    /// <summary>The same sign-in, for its refresh token.</summary>
    public static async Task<string> SignInForRefreshTokenAsync(EmulatorServer server, string userName, string password) =>
        (await SignInForTokensAsync(server, userName, password)).GetProperty("refresh_token").GetString()!;

    /// <summary><c>grant_type=refresh_token</c> as the demo public client.</summary>
    public static async Task<HttpResponseMessage> RefreshAsync(EmulatorServer server, string refreshToken)
    {
        using var http = new HttpClient();
        return await http.PostAsync(server.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = PublicClientId, ["refresh_token"] = refreshToken,
            ["scope"] = $"{Resource(server)}/user_impersonation offline_access",
        }));
    }

    private static async Task<JsonElement> SignInForTokensAsync(EmulatorServer server, string userName, string password)
    {
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var scope = $"{Resource(server)}/user_impersonation offline_access openid";
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorize = new Uri(server.BaseUri, $"{server.Org.Settings.TenantId}/oauth2/v2.0/authorize");
        var signIn = await http.PostAsync(authorize, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = PublicClientId, ["response_type"] = "code", ["redirect_uri"] = RedirectUri, ["scope"] = scope,
            ["state"] = "s1", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
            ["username"] = userName, ["password"] = password,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect && signIn.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)signIn.StatusCode} {await signIn.Content.ReadAsStringAsync()}");
        }
        var query = System.Web.HttpUtility.ParseQueryString(signIn.Headers.Location!.Query);
        var code = query["code"] ?? throw new InvalidOperationException($"No code in {signIn.Headers.Location}");
        var response = await http.PostAsync(server.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = PublicClientId, ["code"] = code,
            ["redirect_uri"] = RedirectUri, ["code_verifier"] = verifier, ["scope"] = scope,
        }));
        return await TokensAsync(response);
    }

    public static string Resource(EmulatorServer server) => server.BaseUri.ToString().TrimEnd('/');

    private static async Task<JsonElement> TokensAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Token request failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
