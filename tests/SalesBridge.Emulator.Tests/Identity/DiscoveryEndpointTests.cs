using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static SalesBridge.Emulator.Tests.Identity.IdentityTestClient;

namespace SalesBridge.Emulator.Tests.Identity;

public sealed class DiscoveryEndpointTests(IdentityHostFixture host) : IClassFixture<IdentityHostFixture>, IDisposable
{
    private readonly IdentityTestClient _client = host.CreateClient();

    [Fact]
    public async Task OpenIdConfiguration_ForTheTenant_PointsAtTheHostTheClientUsed()
    {
        using var response = await _client.Http.GetAsync($"/{IdentityHostFixture.TenantId}/v2.0/.well-known/openid-configuration");

        var document = await JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var tenantBase = $"{host.BaseAddress}/{IdentityHostFixture.TenantId}";
        document.GetProperty("issuer").GetString().ShouldBe($"{tenantBase}/v2.0");
        document.GetProperty("authorization_endpoint").GetString().ShouldBe($"{tenantBase}/oauth2/v2.0/authorize");
        document.GetProperty("token_endpoint").GetString().ShouldBe($"{tenantBase}/oauth2/v2.0/token");
        document.GetProperty("jwks_uri").GetString().ShouldBe($"{tenantBase}/discovery/v2.0/keys");
        document.GetProperty("response_types_supported").EnumerateArray().Select(e => e.GetString()).ShouldBe(["code"]);
        document.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString())
            .ShouldBe(["authorization_code", "refresh_token", "client_credentials"], ignoreOrder: true);
        document.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()).ShouldContain("offline_access");
        document.GetProperty("claims_supported").EnumerateArray().Select(e => e.GetString()).ShouldContain("oid");
    }

    [Fact]
    public async Task OpenIdConfiguration_UnknownTenant_Returns400TenantNotFound()
    {
        using var response = await _client.Http.GetAsync($"/{Guid.NewGuid()}/v2.0/.well-known/openid-configuration");

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request", 90002);
    }

    [Fact]
    public async Task Keys_FromDiscovery_VerifyTheSignatureOfAnIssuedToken()
    {
        using var discovery = await _client.Http.GetAsync($"/{IdentityHostFixture.TenantId}/v2.0/.well-known/openid-configuration");
        var jwksUri = (await JsonAsync(discovery)).GetProperty("jwks_uri").GetString()!;
        var keys = new JsonWebKeySet(await _client.Http.GetStringAsync(jwksUri));
        using var tokenResponse = await _client.ClientCredentialsAsync(IdentityHostFixture.AppClientId, IdentityHostFixture.AppSecret, $"{host.Resource}/.default");
        var token = (await JsonAsync(tokenResponse)).GetProperty("access_token").GetString()!;

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidIssuer = $"{host.BaseAddress}/{IdentityHostFixture.TenantId}/",
            ValidAudience = host.Resource,
            // The token lives on the fake clock; this test is about the keys, not the lifetime.
            ValidateLifetime = false,
        });

        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        keys.Keys.ShouldHaveSingleItem().Kid.ShouldBe(Decode(token).Kid);
    }

    [Fact]
    public async Task Keys_SignatureOfAnotherKey_DoesNotVerify()
    {
        var keys = new JsonWebKeySet(await _client.Http.GetStringAsync($"/{IdentityHostFixture.TenantId}/discovery/v2.0/keys"));
        using var foreign = System.Security.Cryptography.RSA.Create(2048);
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"{host.BaseAddress}/{IdentityHostFixture.TenantId}/",
            Audience = host.Resource,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(foreign) { KeyId = keys.Keys[0].Kid }, SecurityAlgorithms.RsaSha256),
        });

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(forged, new TokenValidationParameters
        {
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidIssuer = $"{host.BaseAddress}/{IdentityHostFixture.TenantId}/",
            ValidAudience = host.Resource,
            ValidateLifetime = false,
        });

        result.IsValid.ShouldBeFalse();
    }

    public void Dispose() => _client.Dispose();
}
