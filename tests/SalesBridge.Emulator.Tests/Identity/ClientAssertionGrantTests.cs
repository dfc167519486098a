using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using static SalesBridge.Emulator.Tests.Identity.IdentityTestClient;

namespace SalesBridge.Emulator.Tests.Identity;

/// <summary>Client credentials with a certificate: a client assertion signed with the key of a registered certificate.</summary>
public sealed class ClientAssertionGrantTests : IClassFixture<IdentityHostFixture>, IDisposable
{
    private const string ClientId = "3c9e1b2a-4d5f-4a6b-8c7d-9e0f1a2b3c4d";
    private readonly IdentityHostFixture _host;
    private readonly IdentityTestClient _client;
    private readonly X509Certificate2 _certificate;

    public ClientAssertionGrantTests(IdentityHostFixture host)
    {
        _host = host;
        _client = host.CreateClient();
        _certificate = CreateCertificate(host.Clock.GetUtcNow().AddDays(-1), host.Clock.GetUtcNow().AddYears(1));
        host.Directory.AddApplication(ClientId, "SalesBridge sync (certificate)", "unused-secret");
        host.Directory.AddApplicationCertificate(ClientId, X509CertificateLoader.LoadCertificate(_certificate.RawData));
    }

    private string TokenEndpoint => $"{_host.BaseAddress}/{IdentityHostFixture.TenantId}/oauth2/v2.0/token";

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha256, true, false)]
    [InlineData(SecurityAlgorithms.RsaSsaPssSha256, false, true)]
    [InlineData(SecurityAlgorithms.RsaSha256, true, true)]
    public async Task Token_ValidAssertion_IssuesAppTokenMarkedCertificate(string algorithm, bool sha1, bool sha256)
    {
        var assertion = Assertion(_certificate, algorithm: algorithm, x5t: sha1, x5tS256: sha256);

        using var response = await PostAsync(assertion);

        var body = await JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        var token = Decode(body.GetProperty("access_token").GetString()!);
        token.GetClaim("appid").Value.ShouldBe(ClientId);
        token.GetClaim("appidacr").Value.ShouldBe("2");
        token.Audiences.ShouldBe([_host.Resource]);
    }

    [Fact]
    public async Task Token_AssertionSignedWithUnregisteredCertificate_Returns401Aadsts700027()
    {
        using var other = CreateCertificate(_host.Clock.GetUtcNow().AddDays(-1), _host.Clock.GetUtcNow().AddYears(1));

        using var response = await PostAsync(Assertion(other));

        var body = await ShouldBeEntraErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", 700027);
        body.GetProperty("error_description").GetString()!.ShouldContain(other.Thumbprint);
    }

    [Fact]
    public async Task Token_AssertionNamingRegisteredCertificateButSignedWithAnotherKey_Returns401Aadsts700027()
    {
        using var other = CreateCertificate(_host.Clock.GetUtcNow().AddDays(-1), _host.Clock.GetUtcNow().AddYears(1));
        var forged = Assertion(other, headerFrom: _certificate);

        using var response = await PostAsync(forged);

        var body = await ShouldBeEntraErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", 700027);
        body.GetProperty("error_description").GetString()!.ShouldContain("signature");
    }

    [Fact]
    public async Task Token_AssertionForAnotherAudience_Returns401Aadsts700023()
    {
        using var response = await PostAsync(Assertion(_certificate, audience: "https://login.microsoftonline.com/common/oauth2/v2.0/token"));

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", 700023);
    }

    [Fact]
    public async Task Token_ExpiredAssertion_Returns401Aadsts700024()
    {
        var issued = _host.Clock.GetUtcNow().AddMinutes(-30);

        using var response = await PostAsync(Assertion(_certificate, notBefore: issued, expires: issued.AddMinutes(10)));

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", 700024);
    }

    [Fact]
    public async Task Token_AssertionIssuedByAnotherClient_Returns401Aadsts700021()
    {
        using var response = await PostAsync(Assertion(_certificate, issuer: IdentityHostFixture.AppClientId));

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", 700021);
    }

    [Fact]
    public async Task Token_ExpiredRegisteredCertificate_Returns401Aadsts700027()
    {
        var now = _host.Clock.GetUtcNow();
        using var lapsed = CreateCertificate(now.AddYears(-1), now.AddDays(-1));
        _host.Directory.AddApplicationCertificate(ClientId, X509CertificateLoader.LoadCertificate(lapsed.RawData));

        using var response = await PostAsync(Assertion(lapsed));

        var body = await ShouldBeEntraErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", 700027);
        body.GetProperty("error_description").GetString()!.ShouldContain("expired");
    }

    [Fact]
    public async Task Token_GarbageAssertion_Returns401Aadsts50027()
    {
        using var response = await PostAsync("not.a-jwt");

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", 50027);
    }

    [Fact]
    public async Task Token_AssertionWithoutType_Returns400MissingParameter()
    {
        using var response = await _client.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = ClientId, ["scope"] = $"{_host.Resource}/.default",
            ["client_assertion"] = Assertion(_certificate),
        });

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request", 900144);
    }

    [Fact]
    public async Task Token_SecretAndAssertion_Returns400Malformed()
    {
        using var response = await _client.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = ClientId, ["scope"] = $"{_host.Resource}/.default",
            ["client_secret"] = "unused-secret",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", ["client_assertion"] = Assertion(_certificate),
        });

        await ShouldBeEntraErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request", 9002313);
    }

    public void Dispose()
    {
        _client.Dispose();
        _certificate.Dispose();
    }

    private Task<HttpResponseMessage> PostAsync(string assertion) => _client.PostTokenAsync(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = ClientId,
        ["scope"] = $"{_host.Resource}/.default",
        ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        ["client_assertion"] = assertion,
    });

    private string Assertion(X509Certificate2 signer, string algorithm = SecurityAlgorithms.RsaSha256, bool x5t = true, bool x5tS256 = false,
        string? audience = null, string issuer = ClientId, DateTimeOffset? notBefore = null, DateTimeOffset? expires = null, X509Certificate2? headerFrom = null)
    {
        // Built by hand: IdentityModel's handler refuses x5t as an additional header, and the point is to control every field.
        var named = headerFrom ?? signer;
        var header = new Dictionary<string, object> { ["alg"] = algorithm, ["typ"] = "JWT" };
        if (x5t) header["x5t"] = Base64UrlEncoder.Encode(named.GetCertHash(HashAlgorithmName.SHA1));
        if (x5tS256) header["x5t#S256"] = Base64UrlEncoder.Encode(named.GetCertHash(HashAlgorithmName.SHA256));
        var from = notBefore ?? _host.Clock.GetUtcNow();
        var payload = new Dictionary<string, object>
        {
            ["aud"] = audience ?? TokenEndpoint, ["iss"] = issuer, ["sub"] = issuer, ["jti"] = Guid.NewGuid().ToString(),
            ["nbf"] = from.ToUnixTimeSeconds(), ["iat"] = from.ToUnixTimeSeconds(), ["exp"] = (expires ?? from.AddMinutes(10)).ToUnixTimeSeconds(),
        };
        var signed = $"{Base64UrlEncoder.Encode(JsonSerializer.Serialize(header))}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}";
        var padding = algorithm == SecurityAlgorithms.RsaSsaPssSha256 ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        using var key = signer.GetRSAPrivateKey()!;
        var signature = key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, padding);
        return $"{signed}.{Base64UrlEncoder.Encode(signature)}";
    }

    internal static X509Certificate2 CreateCertificate(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=SalesBridge test application", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(notBefore, notAfter);
    }
}
