using System.Diagnostics;
using System.Net;
using SalesBridge.Emulator.Tests.Infrastructure;
using SalesBridge.Emulator.Tests.Limits;

namespace SalesBridge.Emulator.Tests.Faults;

/// <summary>Each injected fault as a client of the Web API meets it, set through the control endpoint.</summary>
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private TrafficTestServer _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await TrafficTestServer.StartAsync();
        _client = await _host.ClientAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Request_TooManyRequestsForTwoRequests_Returns429ThenSucceeds()
    {
        await _host.PutFaultsAsync(new { faults = new[] { new { kind = "tooManyRequests", count = 2, retryAfterSeconds = 7 } } });

        var first = await _client.GetAsync("WhoAmI()");
        var second = await _client.GetAsync("WhoAmI()");
        var third = await _client.GetAsync("WhoAmI()");

        first.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        first.Headers.GetValues("Retry-After").Single().ShouldBe("7");
        (await first.ErrorAsync()).Code.ShouldBe("0x80072322");
        second.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        third.StatusCode.ShouldBe(HttpStatusCode.OK);
        _host.Traffic.Calls.Total.Faulted.ShouldBe(2);
    }

    [Fact]
    public async Task Request_ServiceUnavailable_Returns503WithDataverseError()
    {
        await _host.PutFaultsAsync(new { faults = new[] { new { kind = "serviceUnavailable", count = 1 } } });

        var response = await _client.GetAsync("WhoAmI()");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await response.ErrorAsync()).Code.ShouldBe("0x80040216");
    }

    [Fact]
    public async Task Request_ServerError_Returns500UnexpectedError()
    {
        await _host.PutFaultsAsync(new { faults = new[] { new { kind = "serverError", count = 1 } } });

        var response = await _client.GetAsync("WhoAmI()");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await response.ErrorAsync()).ShouldBe(("0x80040216", "An unexpected error occurred."));
    }

    [Fact]
    public async Task Request_DropConnection_ThrowsHttpRequestExceptionThenRecovers()
    {
        await _host.PutFaultsAsync(new { faults = new[] { new { kind = "dropConnection", count = 1 } } });

        var dropped = () => _client.GetAsync("WhoAmI()");

        await dropped.ShouldThrowAsync<HttpRequestException>();
        (await _client.GetAsync("WhoAmI()")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Request_Slow_AddsLatency()
    {
        await _host.PutFaultsAsync(new { faults = new[] { new { kind = "slow", count = 1, delayMs = 400 } } });

        var watch = Stopwatch.StartNew();
        var response = await _client.GetAsync("WhoAmI()");
        watch.Stop();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task Request_ExpiredToken_Returns401AccessTokenExpired()
    {
        await _host.PutFaultsAsync(new { faults = new[] { new { kind = "expiredToken", count = 1 } } });

        var response = await _client.GetAsync("WhoAmI()");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.GetValues("WWW-Authenticate").Single().ShouldStartWith("Bearer authorization_uri=");
        response.Headers.GetValues("WWW-Authenticate").Single().ShouldContain("error=invalid_token");
        (await response.ErrorAsync()).Code.ShouldBe("0x8005f101");
        (await _client.GetAsync("WhoAmI()")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Request_UnreachableOrg_DropsEveryRequestUntilCleared()
    {
        await _host.PutFaultsAsync(new { faults = new[] { new { kind = "unreachable" } } });

        for (var i = 0; i < 3; i++) await Should.ThrowAsync<HttpRequestException>(() => _client.GetAsync("accounts?$top=1"));
        (await _host.Control().DeleteAsync("faults")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await _client.GetAsync("WhoAmI()")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Request_MethodAndPathPattern_FaultsOnlyMatchingRequests()
    {
        await _host.PutFaultsAsync(new { faults = new[] { new { kind = "serviceUnavailable", method = "GET", path = "accounts*" } } });

        var whoAmI = await _client.GetAsync("WhoAmI()");
        var accounts = await _client.GetAsync("accounts?$top=1");
        var contacts = await _client.GetAsync("contacts?$top=1");

        whoAmI.StatusCode.ShouldBe(HttpStatusCode.OK);
        accounts.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        contacts.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Request_SameSeed_MeetsSameFaultSequence()
    {
        var plan = new { seed = 42, faults = new[] { new { kind = "serverError", probability = 0.5 } } };

        await _host.PutFaultsAsync(plan);
        var first = await StatusesAsync(20);
        await _host.PutFaultsAsync(plan);
        var second = await StatusesAsync(20);
        await _host.PutFaultsAsync(new { seed = 43, plan.faults });
        var otherSeed = await StatusesAsync(20);

        second.ShouldBe(first);
        first.ShouldContain(500);
        first.ShouldContain(200);
        otherSeed.ShouldNotBe(first);
    }

    private async Task<List<int>> StatusesAsync(int count)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++) statuses.Add((int)(await _client.GetAsync("WhoAmI()")).StatusCode);
        return statuses;
    }
}
