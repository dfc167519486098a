using System.Net;
using System.Net.Http.Json;
using System.Text;
using SalesBridge.Emulator.Tests.Infrastructure;
using SalesBridge.Emulator.Tests.Limits;

namespace SalesBridge.Emulator.Tests.Control;

/// <summary>The emulator-only control endpoints: limits and faults set over HTTP, and bad input refused with 400.</summary>
public sealed class ControlEndpointTests : IAsyncLifetime
{
    private TrafficTestServer _host = null!;
    private HttpClient _control = null!;

    public async Task InitializeAsync()
    {
        _host = await TrafficTestServer.StartAsync();
        _control = _host.Control();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PutLimits_LowerRequestLimit_IsReportedAndEnforced()
    {
        var put = await _control.PutAsJsonAsync("limits", new { maxRequests = 1, windowSeconds = 60 });
        var limits = await (await _control.GetAsync("limits")).JsonAsync();
        var client = await _host.ClientAsync();
        await client.GetAsync("WhoAmI()");
        var refused = await client.GetAsync("WhoAmI()");

        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        limits.GetProperty("maxRequests").GetInt32().ShouldBe(1);
        limits.GetProperty("windowSeconds").GetDouble().ShouldBe(60);
        limits.GetProperty("maxConcurrentRequests").GetInt32().ShouldBe(52);
        (await refused.ErrorAsync()).Message.ShouldBe("Number of requests exceeded the limit of 1 over time window of 60 seconds.");
    }

    [Fact]
    public async Task DeleteLimits_ThrottledUser_IsLetInAgain()
    {
        await _control.PutAsJsonAsync("limits", new { maxRequests = 1 });
        var client = await _host.ClientAsync();
        await client.GetAsync("WhoAmI()");
        (await client.GetAsync("WhoAmI()")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        (await _control.DeleteAsync("limits")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.GetAsync("WhoAmI()")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task GetFaults_AfterPut_ReportsPlanAndRemainingCount()
    {
        await _host.PutFaultsAsync(new { seed = 9, faults = new[] { new { kind = "serverError", count = 2, path = "accounts*" } } });

        var plan = await (await _control.GetAsync("faults")).JsonAsync();

        plan.GetProperty("seed").GetInt32().ShouldBe(9);
        var fault = plan.GetProperty("faults").EnumerateArray().Single();
        fault.GetProperty("kind").GetString().ShouldBe("serverError");
        fault.GetProperty("count").GetInt32().ShouldBe(2);
        fault.GetProperty("path").GetString().ShouldBe("accounts*");
    }

    [Fact]
    public async Task PostRevokeSessions_SignedInUser_RefusesTheirEarlierRefreshTokens()
    {
        var user = _host.Salesperson;
        var refreshToken = await TokenClient.SignInForRefreshTokenAsync(_host.Server, user.DomainName, user.Password!);
        using var anonymous = new HttpClient { BaseAddress = _host.Server.BaseUri };

        var revoke = await anonymous.PostAsync($"_emulator/users/{Uri.EscapeDataString(user.DomainName)}/revoke-sessions", null);
        var refresh = await TokenClient.RefreshAsync(_host.Server, refreshToken);

        revoke.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await revoke.JsonAsync();
        body.GetProperty("value").GetBoolean().ShouldBeTrue();
        body.GetProperty("revokedRefreshTokens").GetInt32().ShouldBe(1);
        refresh.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refusal = await refresh.JsonAsync();
        refusal.GetProperty("error").GetString().ShouldBe("invalid_grant");
        refusal.GetProperty("error_codes")[0].GetInt32().ShouldBe(50173);
    }

    [Fact]
    public async Task PostRevokeSessions_UnknownUser_Returns404()
    {
        using var anonymous = new HttpClient { BaseAddress = _host.Server.BaseUri };

        var revoke = await anonymous.PostAsync("_emulator/users/nobody%40example.com/revoke-sessions", null);

        revoke.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await revoke.JsonAsync()).GetProperty("detail").GetString().ShouldBe("This emulator has no user named 'nobody@example.com'.");
    }

    [Fact]
    public async Task RevokeSignInSessions_InProcess_RevokesLikeTheEndpoint()
    {
        var user = _host.Salesperson;
        var refreshToken = await TokenClient.SignInForRefreshTokenAsync(_host.Server, user.DomainName, user.Password!);

        _host.Server.RevokeSignInSessions(user.DomainName).ShouldBe(1);

        (await TokenClient.RefreshAsync(_host.Server, refreshToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"faults":[{"kind":"meteorStrike"}]}""", "Unknown fault kind 'meteorStrike'")]
    [InlineData("""{"faults":[{"kind":"slow","probability":2}]}""", "faults[0]: 'probability' must be between 0 and 1.")]
    [InlineData("""{"faults":[{"kind":"slow","delay":5}]}""", "delay")]
    [InlineData("""{"seed":1}""", "'faults' is required")]
    [InlineData("""{"faults":[""", "The body is not valid")]
    [InlineData("""{"faults":[{"count":1}]}""", "'kind' is required.")]
    public async Task PutFaults_BadInput_Returns400NamingTheProblem(string body, string expected)
    {
        var response = await _control.PutAsync("faults", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain(expected);
        _host.Traffic.Faults.Plan.Faults.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"maxRequests":0}""", "maxRequests must be at least 1.")]
    [InlineData("""{"windowSeconds":-5}""", "windowSeconds must be greater than 0.")]
    [InlineData("""{"maxRequest":10}""", "maxRequest")]
    [InlineData("""not json""", "The body is not valid")]
    public async Task PutLimits_BadInput_Returns400NamingTheProblem(string body, string expected)
    {
        var response = await _control.PutAsync("limits", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain(expected);
        _host.Traffic.Protection.Limits.MaxRequests.ShouldBe(6000);
    }

    [Fact]
    public async Task GetCalls_UnknownOrg_Returns404()
    {
        var response = await _control.GetAsync($"/_emulator/orgs/nosuchorg/calls");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("nosuchorg");
    }
}
