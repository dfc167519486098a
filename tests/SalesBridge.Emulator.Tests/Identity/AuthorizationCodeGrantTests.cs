using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using static SalesBridge.Emulator.Tests.Identity.IdentityTestClient;

namespace SalesBridge.Emulator.Tests.Identity;

public sealed class AuthorizationCodeGrantTests(IdentityHostFixture host) : IClassFixture<IdentityHostFixture>, IDisposable
{
    private const string UserName = "ada@contoso.example";
    private const string Verifier = "pkce-verifier-0123456789-0123456789-0123456789";
    private readonly IdentityTestClient _client = host.CreateClient();

    private string Scope => $"{host.Resource}/user_impersonation offline_access openid profile";

    [Fact]
    public async Task Token_CodeWithPkceVerifier_IssuesUserAccessIdAndRefreshTokens()
    {
        var code = await _client.SignInForCodeAsync(IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, Scope, UserName, Verifier, nonce: "n-0S6");

        using var response = await _client.RedeemCodeAsync(code, IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, verifier: Verifier, scope: Scope);

        var body = await JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("expires_in").GetInt32().ShouldBe(3599);
        body.GetProperty("scope").GetString().ShouldBe($"{host.Resource}/user_impersonation offline_access openid profile");
        body.GetProperty("refresh_token").GetString()!.Length.ShouldBeGreaterThanOrEqualTo(43);
        var access = Decode(body.GetProperty("access_token").GetString()!);
        access.Audiences.ShouldBe([host.Resource]);
        access.GetClaim("idtyp").Value.ShouldBe("user");
        access.GetClaim("scp").Value.ShouldBe("user_impersonation");
        access.GetClaim("upn").Value.ShouldBe(UserName);
        access.GetClaim("name").Value.ShouldBe("Ada Lovelace");
        access.GetClaim("oid").Value.ShouldBe(host.User.ObjectId.ToString());
        access.GetClaim("appid").Value.ShouldBe(IdentityHostFixture.PublicClientId);
        access.GetClaim("appidacr").Value.ShouldBe("0");
        var id = Decode(body.GetProperty("id_token").GetString()!);
        id.Audiences.ShouldBe([IdentityHostFixture.PublicClientId]);
        id.Issuer.ShouldBe($"{host.BaseAddress}/{IdentityHostFixture.TenantId}/v2.0");
        id.GetClaim("nonce").Value.ShouldBe("n-0S6");
        id.GetClaim("preferred_username").Value.ShouldBe(UserName);
        id.GetClaim("tid").Value.ShouldBe(IdentityHostFixture.TenantId);
        id.GetClaim("sub").Value.ShouldBe(access.GetClaim("sub").Value);
        var clientInfo = JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(body.GetProperty("client_info").GetString()!))).RootElement;
        clientInfo.GetProperty("uid").GetString().ShouldBe(host.User.ObjectId.ToString());
        clientInfo.GetProperty("utid").GetString().ShouldBe(IdentityHostFixture.TenantId);
    }

    [Fact]
    public async Task Token_CodeWithWrongPkceVerifier_Returns400InvalidGrant()
    {
        var code = await _client.SignInForCodeAsync(IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, Scope, UserName, Verifier);

        using var response = await _client.RedeemCodeAsync(code, IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, verifier: Verifier + "x");

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant", 501481);
    }

    [Fact]
    public async Task Token_CodeForConfidentialClientWithSecret_IssuesTokens()
    {
        var code = await _client.SignInForCodeAsync(IdentityHostFixture.WebClientId, IdentityHostFixture.WebRedirectUri, Scope, UserName);

        using var response = await _client.RedeemCodeAsync(code, IdentityHostFixture.WebClientId, IdentityHostFixture.WebRedirectUri, secret: IdentityHostFixture.WebClientSecret);

        var body = await JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        var access = Decode(body.GetProperty("access_token").GetString()!);
        access.GetClaim("appid").Value.ShouldBe(IdentityHostFixture.WebClientId);
        access.GetClaim("appidacr").Value.ShouldBe("1");
    }

    [Fact]
    public async Task Token_CodeForConfidentialClientWithoutSecret_Returns401InvalidClient()
    {
        var code = await _client.SignInForCodeAsync(IdentityHostFixture.WebClientId, IdentityHostFixture.WebRedirectUri, Scope, UserName);

        using var response = await _client.RedeemCodeAsync(code, IdentityHostFixture.WebClientId, IdentityHostFixture.WebRedirectUri);

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", 7000218);
    }

    [Fact]
    public async Task Token_CodeRedeemedTwice_SecondRedemptionFailsAsAlreadyRedeemed()
    {
        var code = await _client.SignInForCodeAsync(IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, Scope, UserName, Verifier);
        using var first = await _client.RedeemCodeAsync(code, IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, verifier: Verifier);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var second = await _client.RedeemCodeAsync(code, IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, verifier: Verifier);

        await ShouldBeEntraErrorAsync(second, HttpStatusCode.BadRequest, "invalid_grant", 54005);
    }

    [Fact]
    public async Task Token_CodeAfterItsLifetime_Returns400ExpiredGrant()
    {
        var code = await _client.SignInForCodeAsync(IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, Scope, UserName, Verifier);
        host.Clock.Advance(TimeSpan.FromMinutes(10));

        using var response = await _client.RedeemCodeAsync(code, IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, verifier: Verifier);

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant", 70008);
    }

    [Fact]
    public async Task Token_CodeWithAnotherRedirectUri_IsRefused()
    {
        var code = await _client.SignInForCodeAsync(IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, Scope, UserName, Verifier);

        using var response = await _client.RedeemCodeAsync(code, IdentityHostFixture.PublicClientId, "http://127.0.0.1:49152/other", verifier: Verifier);

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", 500112);
    }

    [Fact]
    public async Task Token_UnknownCode_Returns400InvalidGrant()
    {
        using var response = await _client.RedeemCodeAsync("not-a-code", IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, verifier: Verifier);

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant", 9002313);
    }

    [Fact]
    public async Task Token_CodeWithoutOpenIdOrOfflineAccess_IssuesOnlyAnAccessToken()
    {
        var code = await _client.SignInForCodeAsync(IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, $"{host.Resource}/user_impersonation", UserName, Verifier);

        using var response = await _client.RedeemCodeAsync(code, IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, verifier: Verifier);

        var body = await JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.TryGetProperty("id_token", out _).ShouldBeFalse();
        body.TryGetProperty("refresh_token", out _).ShouldBeFalse();
        body.GetProperty("scope").GetString().ShouldBe($"{host.Resource}/user_impersonation");
    }

    public void Dispose() => _client.Dispose();
}
