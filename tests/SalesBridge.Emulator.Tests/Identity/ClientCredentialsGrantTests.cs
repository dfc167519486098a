using System.Net;
using System.Net.Http.Headers;
using static SalesBridge.Emulator.Tests.Identity.IdentityTestClient;

namespace SalesBridge.Emulator.Tests.Identity;

public sealed class ClientCredentialsGrantTests(IdentityHostFixture host) : IClassFixture<IdentityHostFixture>, IDisposable
{
    private readonly IdentityTestClient _client = host.CreateClient();

    [Fact]
    public async Task Token_ValidSecretAndDefaultScope_IssuesAppTokenForTheResource()
    {
        using var response = await _client.ClientCredentialsAsync(IdentityHostFixture.AppClientId, IdentityHostFixture.AppSecret, $"{host.Resource}/.default");

        var body = await JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        body.GetProperty("token_type").GetString().ShouldBe("Bearer");
        body.GetProperty("expires_in").GetInt32().ShouldBe(3599);
        body.GetProperty("ext_expires_in").GetInt32().ShouldBe(3599);
        body.TryGetProperty("refresh_token", out _).ShouldBeFalse();
        var token = Decode(body.GetProperty("access_token").GetString()!);
        token.Alg.ShouldBe("RS256");
        token.Kid.ShouldNotBeNullOrEmpty();
        token.Audiences.ShouldBe([host.Resource]);
        token.Issuer.ShouldBe($"{host.BaseAddress}/{IdentityHostFixture.TenantId}/");
        token.GetClaim("tid").Value.ShouldBe(IdentityHostFixture.TenantId);
        token.GetClaim("oid").Value.ShouldBe(host.Application.ObjectId.ToString());
        token.GetClaim("sub").Value.ShouldBe(host.Application.ObjectId.ToString());
        token.GetClaim("appid").Value.ShouldBe(IdentityHostFixture.AppClientId);
        token.GetClaim("idtyp").Value.ShouldBe("app");
        token.GetClaim("ver").Value.ShouldBe("1.0");
        token.TryGetClaim("scp", out _).ShouldBeFalse();
        token.IssuedAt.ShouldBe(host.Clock.GetUtcNow().UtcDateTime);
        (token.ValidTo - token.IssuedAt).ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Token_CredentialsInBasicAuthHeader_IssuesToken()
    {
        using var response = await _client.PostTokenAsync(
            new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = $"{host.Resource}/.default" },
            Basic(IdentityHostFixture.AppClientId, IdentityHostFixture.AppSecret));

        var body = await JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        Decode(body.GetProperty("access_token").GetString()!).GetClaim("appid").Value.ShouldBe(IdentityHostFixture.AppClientId);
    }

    [Fact]
    public async Task Token_WrongSecretInBasicAuthHeader_Returns401InvalidClient()
    {
        using var response = await _client.PostTokenAsync(
            new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = $"{host.Resource}/.default" },
            Basic(IdentityHostFixture.AppClientId, "not-the-secret"));

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", 7000215);
    }

    [Fact]
    public async Task Token_UnknownClient_Returns400UnauthorizedClient700016()
    {
        using var response = await _client.ClientCredentialsAsync(Guid.NewGuid().ToString(), IdentityHostFixture.AppSecret, $"{host.Resource}/.default");

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.BadRequest, "unauthorized_client", 700016);
    }

    [Fact]
    public async Task Token_WrongSecret_Returns401InvalidClientWithTraceFields()
    {
        var correlationId = Guid.NewGuid();
        _client.Http.DefaultRequestHeaders.Add("client-request-id", correlationId.ToString());

        using var response = await _client.ClientCredentialsAsync(IdentityHostFixture.AppClientId, "wrong", $"{host.Resource}/.default");

        var body = await ShouldBeEntraErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", 7000215);
        body.GetProperty("correlation_id").GetString().ShouldBe(correlationId.ToString());
        Guid.TryParse(body.GetProperty("trace_id").GetString(), out _).ShouldBeTrue();
        body.GetProperty("timestamp").GetString().ShouldBe("2026-03-02 09:00:00Z");
    }

    [Fact]
    public async Task Token_DisabledApplication_Returns400UnauthorizedClient()
    {
        using var response = await _client.ClientCredentialsAsync(IdentityHostFixture.DisabledAppClientId, IdentityHostFixture.AppSecret, $"{host.Resource}/.default");

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.BadRequest, "unauthorized_client", 7000112);
    }

    [Theory]
    [InlineData("{0}/user_impersonation", 1002012)]
    [InlineData("{0}/.default openid", 1002012)]
    [InlineData("not-a-resource/.default", 70011)]
    [InlineData("{0}/.default https://other.example/.default", 700022)]
    public async Task Token_ScopeNotAResourceDefault_Returns400InvalidScope(string scopeFormat, int code)
    {
        using var response = await _client.ClientCredentialsAsync(IdentityHostFixture.AppClientId, IdentityHostFixture.AppSecret, string.Format(scopeFormat, host.Resource));

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.BadRequest, "invalid_scope", code);
    }

    [Theory]
    [InlineData("common")]
    [InlineData("organizations")]
    public async Task Token_ClientCredentialsOnMultiTenantEndpoint_Returns400InvalidRequest(string tenant)
    {
        using var response = await _client.PostTokenAsync(
            new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = $"{host.Resource}/.default" },
            Basic(IdentityHostFixture.AppClientId, IdentityHostFixture.AppSecret),
            tenant);

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request", 9001023);
    }

    [Fact]
    public async Task Token_UnknownTenant_Returns400TenantNotFound()
    {
        using var response = await _client.PostTokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }, tenant: Guid.NewGuid().ToString());

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request", 90002);
    }

    [Fact]
    public async Task Token_UnknownGrantType_Returns400UnsupportedGrantType()
    {
        using var response = await _client.PostTokenAsync(new Dictionary<string, string> { ["grant_type"] = "password" });

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.BadRequest, "unsupported_grant_type", 70003);
    }

    [Fact]
    public async Task Token_MissingSecret_Returns401InvalidClient7000218()
    {
        using var response = await _client.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = IdentityHostFixture.AppClientId,
            ["scope"] = $"{host.Resource}/.default",
        });

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", 7000218);
    }

    public void Dispose() => _client.Dispose();
}
