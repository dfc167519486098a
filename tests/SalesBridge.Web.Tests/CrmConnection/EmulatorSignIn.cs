using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;
using SalesBridge.Emulator.Hosting;

namespace SalesBridge.Web.Tests.CrmConnection;

/// <summary>
/// The authorization-code flow with PKCE against the emulator's Entra-like endpoints, without a browser: posts the
/// sign-in form, takes the code from the redirect and redeems it, as the delegated sign-in of an admin does.
/// </summary>
internal static class EmulatorSignIn
{
    // The emulator's demo public client, registered for loopback redirects (EmulatorOptions.Clients).
    private const string PublicClientId = "51f81489-12ee-4a9e-aaae-a2591f45987d";
    private const string RedirectUri = "http://localhost";

    public static async Task<string> AccessTokenAsync(EmulatorServer server, string userName, string password)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var scope = $"{server.BaseUri.ToString().TrimEnd('/')}/user_impersonation offline_access openid";
        using var http = new HttpClient(Handler(server, allowRedirect: false));
        using var signIn = await http.PostAsync(new Uri(server.BaseUri, $"{server.Org.Settings.TenantId}/oauth2/v2.0/authorize"),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = PublicClientId, ["response_type"] = "code", ["redirect_uri"] = RedirectUri, ["scope"] = scope,
                ["state"] = "s1", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
                ["username"] = userName, ["password"] = password,
            }));
        if (signIn.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found))
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)signIn.StatusCode} {await signIn.Content.ReadAsStringAsync()}");
        }
        var code = HttpUtility.ParseQueryString(signIn.Headers.Location!.Query)["code"]
            ?? throw new InvalidOperationException($"No code in {signIn.Headers.Location}");
        using var token = await http.PostAsync(server.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = PublicClientId, ["code"] = code,
            ["redirect_uri"] = RedirectUri, ["code_verifier"] = verifier, ["scope"] = scope,
        }));
        var body = await token.Content.ReadAsStringAsync();
        if (!token.IsSuccessStatusCode) throw new InvalidOperationException($"Token request failed: {(int)token.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A handler for the emulator: tests start it on https with a certificate made at start, trusted here by being loopback.</summary>
    public static HttpClientHandler Handler(EmulatorServer server, bool allowRedirect = true) => new()
    {
        AllowAutoRedirect = allowRedirect,
        ServerCertificateCustomValidationCallback = server.BaseUri.IsLoopback ? HttpClientHandler.DangerousAcceptAnyServerCertificateValidator : null,
    };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
