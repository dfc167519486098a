using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Emulator.Identity;
using static SalesBridge.Emulator.Tests.Identity.IdentityTestClient;

namespace SalesBridge.Emulator.Tests.Identity;

public sealed class BearerTokenValidationTests(IdentityHostFixture host) : IClassFixture<IdentityHostFixture>, IDisposable
{
    private readonly IdentityTestClient _client = host.CreateClient();

    private AccessTokenValidator Validator => host.Services.GetRequiredService<AccessTokenValidator>();

    [Fact]
    public async Task Validate_FreshAppToken_ReturnsTheApplicationCaller()
    {
        var token = await AppTokenAsync(host.Resource);

        var outcome = Validator.Validate($"Bearer {token}", host.Resource);

        var caller = outcome.ShouldBeOfType<AccessTokenValidation.Valid>().Caller;
        caller.ObjectId.ShouldBe(host.Application.ObjectId);
        caller.TenantId.ShouldBe(Guid.Parse(IdentityHostFixture.TenantId));
        caller.ClientId.ShouldBe(IdentityHostFixture.AppClientId);
        caller.IsApplication.ShouldBeTrue();
        caller.UserName.ShouldBeNull();
        caller.ExpiresOn.ShouldBe(host.Clock.GetUtcNow() + TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Validate_DelegatedUserToken_ReturnsTheUserCaller()
    {
        const string verifier = "user-token-verifier-0123456789-0123456789-01";
        var code = await _client.SignInForCodeAsync(IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, $"{host.Resource}/user_impersonation", "ada@contoso.example", verifier);
        using var response = await _client.RedeemCodeAsync(code, IdentityHostFixture.PublicClientId, IdentityHostFixture.PublicRedirectUri, verifier: verifier);
        var token = (await JsonAsync(response)).GetProperty("access_token").GetString();

        var outcome = Validator.Validate($"Bearer {token}", host.Resource);

        var caller = outcome.ShouldBeOfType<AccessTokenValidation.Valid>().Caller;
        caller.IsApplication.ShouldBeFalse();
        caller.ObjectId.ShouldBe(host.User.ObjectId);
        caller.UserName.ShouldBe("ada@contoso.example");
        caller.ClientId.ShouldBe(IdentityHostFixture.PublicClientId);
    }

    [Fact]
    public async Task Validate_AudienceDiffersOnlyInCaseAndTrailingSlash_ReturnsValid()
    {
        var token = await AppTokenAsync("https://Contoso.crm.dynamics.com");

        var outcome = Validator.Validate($"bearer {token}", "HTTPS://contoso.CRM.dynamics.com/");

        outcome.ShouldBeOfType<AccessTokenValidation.Valid>();
    }

    [Fact]
    public async Task Validate_TokenForAnotherOrg_ReturnsInvalid()
    {
        var token = await AppTokenAsync("https://other.crm.dynamics.com");

        var outcome = Validator.Validate($"Bearer {token}", host.Resource);

        outcome.ShouldBeOfType<AccessTokenValidation.Invalid>().Reason.ShouldContain("https://other.crm.dynamics.com");
    }

    [Fact]
    public async Task Validate_TamperedPayload_ReturnsInvalid()
    {
        var parts = (await AppTokenAsync(host.Resource)).Split('.');
        var forgedPayload = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(
            Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(parts[1]).Replace("\"app\"", "\"user\""));

        var outcome = Validator.Validate($"Bearer {parts[0]}.{forgedPayload}.{parts[2]}", host.Resource);

        outcome.ShouldBeOfType<AccessTokenValidation.Invalid>().Reason.ShouldContain("signature");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Validate_NoAuthorizationHeader_ReturnsMissing(string? header) =>
        Validator.Validate(header, host.Resource).ShouldBeOfType<AccessTokenValidation.Missing>();

    [Fact]
    public void Validate_NotAJwt_ReturnsInvalid() =>
        Validator.Validate("Bearer not.a.jwt", host.Resource).ShouldBeOfType<AccessTokenValidation.Invalid>();

    [Fact]
    public async Task Validate_WhenTheLifetimeRunsOut_ReturnsExpired()
    {
        var token = await AppTokenAsync(host.Resource);
        host.Clock.Advance(TimeSpan.FromMinutes(59));
        Validator.Validate($"Bearer {token}", host.Resource).ShouldBeOfType<AccessTokenValidation.Valid>();

        host.Clock.Advance(TimeSpan.FromMinutes(1));

        Validator.Validate($"Bearer {token}", host.Resource).ShouldBeOfType<AccessTokenValidation.Expired>()
            .ExpiredOn.ShouldBe(host.Clock.GetUtcNow());
    }

    [Fact]
    public async Task WhoAmI_ValidAppToken_Returns200WithTheCaller()
    {
        var token = await AppTokenAsync(host.Resource);

        using var response = await GetWhoAmIAsync(token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(response)).GetProperty("UserId").GetGuid().ShouldBe(host.Application.ObjectId);
    }

    [Fact]
    public async Task WhoAmI_ExpiredToken_Returns401ChallengeWithAccessTokenExpiredError()
    {
        var token = await AppTokenAsync(host.Resource);
        host.Clock.Advance(TimeSpan.FromMinutes(61));

        using var response = await GetWhoAmIAsync(token);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Challenge(response).ShouldBe($"Bearer authorization_uri={host.BaseAddress}/{IdentityHostFixture.TenantId}/oauth2/authorize, resource_id={host.BaseAddress}/, error=invalid_token");
        var error = (await JsonAsync(response)).GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("0x8005f101");
        error.GetProperty("message").GetString().ShouldBe("The requested resource requires authentication.");
    }

    [Fact]
    public async Task WhoAmI_NoToken_Returns401ChallengeWithoutBody()
    {
        using var response = await _client.Http.GetAsync("/api/data/v9.2/WhoAmI");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Challenge(response).ShouldBe($"Bearer authorization_uri={host.BaseAddress}/{IdentityHostFixture.TenantId}/oauth2/authorize, resource_id={host.BaseAddress}/");
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task WhoAmI_TokenForAnotherOrg_Returns401InvalidToken()
    {
        var token = await AppTokenAsync("https://other.crm.dynamics.com");

        using var response = await GetWhoAmIAsync(token);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Challenge(response).ShouldEndWith(", error=invalid_token");
    }

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// Read raw: like Dataverse, the challenge carries URIs unquoted, which HttpClient's strict
    /// WWW-Authenticate parser rejects (clients such as the Dataverse ServiceClient parse it by hand).
    /// </summary>
    private static string Challenge(HttpResponseMessage response) =>
        response.Headers.NonValidated["WWW-Authenticate"].ShouldHaveSingleItem();

    private async Task<HttpResponseMessage> GetWhoAmIAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/data/v9.2/WhoAmI");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _client.Http.SendAsync(request);
    }

    private async Task<string> AppTokenAsync(string resource)
    {
        using var response = await _client.ClientCredentialsAsync(IdentityHostFixture.AppClientId, IdentityHostFixture.AppSecret, $"{resource}/.default");
        var body = await JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body.GetProperty("access_token").GetString()!;
    }
}
