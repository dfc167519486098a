using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SalesBridge.Emulator.Tests.Identity;

/// <summary>Speaks the token service's protocol the way a client library would, without following redirects.</summary>
public sealed class IdentityTestClient(HttpClient http) : IDisposable
{
    public const string Tenant = IdentityHostFixture.TenantId;

    public HttpClient Http => http;

    public Task<HttpResponseMessage> PostTokenAsync(IDictionary<string, string> form, AuthenticationHeaderValue? authorization = null, string tenant = Tenant)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/{tenant}/oauth2/v2.0/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = authorization;
        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> ClientCredentialsAsync(string clientId, string secret, string scope) =>
        PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        });

    public Task<HttpResponseMessage> GetAuthorizeAsync(IDictionary<string, string?> query) =>
        http.GetAsync(QueryHelpers.AddQueryString($"/{Tenant}/oauth2/v2.0/authorize", query));

    public Task<HttpResponseMessage> PostSignInAsync(IDictionary<string, string> form) =>
        http.PostAsync($"/{Tenant}/oauth2/v2.0/authorize", new FormUrlEncodedContent(form));

    /// <summary>Signs the user in through the form and returns the code from the redirect.</summary>
    public async Task<string> SignInForCodeAsync(string clientId, string redirectUri, string scope, string userName, string? codeVerifier = null, string? nonce = null)
    {
        var form = SignInForm(clientId, redirectUri, scope, userName, IdentityHostFixture.Password);
        if (codeVerifier is not null)
        {
            form["code_challenge"] = S256(codeVerifier);
            form["code_challenge_method"] = "S256";
        }

        if (nonce is not null)
        {
            form["nonce"] = nonce;
        }

        using var response = await PostSignInAsync(form);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["code"].ToString();
    }

    public Task<HttpResponseMessage> RedeemCodeAsync(string code, string clientId, string redirectUri, string? verifier = null, string? secret = null, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["client_id"] = clientId, ["redirect_uri"] = redirectUri };
        AddIfPresent(form, "code_verifier", verifier);
        AddIfPresent(form, "client_secret", secret);
        AddIfPresent(form, "scope", scope);
        return PostTokenAsync(form);
    }

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken, string clientId, string? scope = null, string? secret = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = clientId };
        AddIfPresent(form, "scope", scope);
        AddIfPresent(form, "client_secret", secret);
        return PostTokenAsync(form);
    }

    public static Dictionary<string, string> SignInForm(string clientId, string redirectUri, string scope, string userName, string password) => new()
    {
        ["client_id"] = clientId,
        ["response_type"] = "code",
        ["redirect_uri"] = redirectUri,
        ["scope"] = scope,
        ["state"] = "opaque-state-42",
        ["username"] = userName,
        ["password"] = password,
    };

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>Asserts an Entra error response and returns its body.</summary>
    public static async Task<JsonElement> ShouldBeEntraErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error, int code)
    {
        var body = await JsonAsync(response);
        response.StatusCode.ShouldBe(status, body.ToString());
        body.GetProperty("error").GetString().ShouldBe(error);
        body.GetProperty("error_codes")[0].GetInt32().ShouldBe(code);
        body.GetProperty("error_description").GetString().ShouldStartWith($"AADSTS{code}:");
        return body;
    }

    public static JsonWebToken Decode(string jwt) => new(jwt);

    public static string S256(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));

    public void Dispose() => http.Dispose();

    private static void AddIfPresent(Dictionary<string, string> form, string name, string? value)
    {
        if (value is not null)
        {
            form[name] = value;
        }
    }
}
