using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Emulator.Identity;
using System.Net;
using static SalesBridge.Emulator.Tests.Identity.IdentityTestClient;

namespace SalesBridge.Emulator.Tests.Identity;

public sealed class RefreshTokenGrantTests(IdentityHostFixture host) : IClassFixture<IdentityHostFixture>, IDisposable
{
    private const string Verifier = "pkce-verifier-abcdefghij-abcdefghij-abcdefghij";
    private readonly IdentityTestClient _client = host.CreateClient();

    [Fact]
    public async Task Token_RefreshToken_IssuesNewAccessTokenAndANewRefreshToken()
    {
        var refreshToken = await SignInForRefreshTokenAsync("ada@contoso.example");
        host.Clock.Advance(TimeSpan.FromMinutes(61));

        using var response = await _client.RefreshAsync(refreshToken, IdentityHostFixture.PublicClientId, $"{host.Resource}/user_impersonation offline_access");

        var body = await JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        var rotated = body.GetProperty("refresh_token").GetString();
        rotated.ShouldNotBeNullOrEmpty();
        rotated.ShouldNotBe(refreshToken);
        var access = Decode(body.GetProperty("access_token").GetString()!);
        access.GetClaim("upn").Value.ShouldBe("ada@contoso.example");
        access.IssuedAt.ShouldBe(host.Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task Token_RefreshTokenUsedTwice_StillWorksBecauseEntraDoesNotRevokeOldOnes()
    {
        var refreshToken = await SignInForRefreshTokenAsync("ada@contoso.example");
        using var first = await _client.RefreshAsync(refreshToken, IdentityHostFixture.PublicClientId);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var second = await _client.RefreshAsync(refreshToken, IdentityHostFixture.PublicClientId);

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_RefreshTokenForAnotherResource_IssuesTokenForThatResource()
    {
        var refreshToken = await SignInForRefreshTokenAsync("ada@contoso.example");

        using var response = await _client.RefreshAsync(refreshToken, IdentityHostFixture.PublicClientId, "https://other.crm.dynamics.com//.default");

        var body = await JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        Decode(body.GetProperty("access_token").GetString()!).Audiences.ShouldBe(["https://other.crm.dynamics.com"]);
    }

    [Fact]
    public async Task Token_RefreshAfterUserWasDisabled_Returns400UserDisabled()
    {
        host.Directory.AddUser("carol@contoso.example", "Carol Shaw", IdentityHostFixture.Password);
        var refreshToken = await SignInForRefreshTokenAsync("carol@contoso.example");
        host.Directory.Disable("carol@contoso.example");

        using var response = await _client.RefreshAsync(refreshToken, IdentityHostFixture.PublicClientId);

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant", 50057);
    }

    [Fact]
    public async Task Token_RefreshTokenPastItsLifetime_Returns400Expired()
    {
        var refreshToken = await SignInForRefreshTokenAsync("ada@contoso.example");
        host.Clock.Advance(TimeSpan.FromDays(90));

        using var response = await _client.RefreshAsync(refreshToken, IdentityHostFixture.PublicClientId);

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant", 700082);
    }

    [Fact]
    public async Task Token_UnknownRefreshToken_Returns400InvalidGrant()
    {
        using var response = await _client.RefreshAsync("forged", IdentityHostFixture.PublicClientId);

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant", 9002313);
    }

    [Fact]
    public async Task Token_RefreshTokenPresentedByAnotherClient_Returns400InvalidGrant()
    {
        var refreshToken = await SignInForRefreshTokenAsync("ada@contoso.example");

        using var response = await _client.RefreshAsync(refreshToken, IdentityHostFixture.WebClientId, secret: IdentityHostFixture.WebClientSecret);

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant", 70000);
    }

    [Fact]
    public async Task Token_RefreshAfterSessionsWereRevoked_Returns400Aadsts50173()
    {
        host.Directory.AddUser("revoked@contoso.example", "Rita Revoked", IdentityHostFixture.Password);
        var refreshToken = await SignInForRefreshTokenAsync("revoked@contoso.example");
        var revoked = host.Services.GetRequiredService<RefreshTokenStore>().RevokeSignInSessions("REVOKED@contoso.example");

        using var response = await _client.RefreshAsync(refreshToken, IdentityHostFixture.PublicClientId);

        revoked.ShouldBe(1);
        var body = await ShouldBeEntraErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant", 50173);
        body.GetProperty("error_description").GetString()!.ShouldContain("The provided grant has expired due to it being revoked");
    }

    [Fact]
    public async Task Token_SignInAfterSessionsWereRevoked_IssuesAWorkingRefreshToken()
    {
        host.Directory.AddUser("again@contoso.example", "Alan Again", IdentityHostFixture.Password);
        await SignInForRefreshTokenAsync("again@contoso.example");
        host.Services.GetRequiredService<RefreshTokenStore>().RevokeSignInSessions("again@contoso.example");
        var fresh = await SignInForRefreshTokenAsync("again@contoso.example");

        using var response = await _client.RefreshAsync(fresh, IdentityHostFixture.PublicClientId);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_RevokingAnotherUser_LeavesThisUsersRefreshTokenValid()
    {
        var refreshToken = await SignInForRefreshTokenAsync("ada@contoso.example");
        host.Services.GetRequiredService<RefreshTokenStore>().RevokeSignInSessions("nobody-else@contoso.example");

        using var response = await _client.RefreshAsync(refreshToken, IdentityHostFixture.PublicClientId);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public void Dispose() => _client.Dispose();

    private async Task<string> SignInForRefreshTokenAsync(string userName)
    {
        var scope = $"{host.Resource}/user_impersonation offline_access openid";
        var code = await _client.SignInForCodeAsync(IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, scope, userName, Verifier);
        using var response = await _client.RedeemCodeAsync(code, IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, verifier: Verifier);
        var body = await JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body.GetProperty("refresh_token").GetString()!;
    }
}
