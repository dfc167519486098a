using System.Net;
using Microsoft.Extensions.Time.Testing;
using SalesBridge.Emulator.Limits;
using SalesBridge.Emulator.Tests.Infrastructure;

namespace SalesBridge.Emulator.Tests.Limits;

/// <summary>The number-of-requests limit over a sliding window, per user, with Retry-After and its escalation.</summary>
public sealed class ServiceProtectionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
    private TrafficTestServer _host = null!;

    public async Task InitializeAsync() =>
        _host = await TrafficTestServer.StartAsync(new ServiceProtectionLimits { MaxRequests = 3, EscalationStep = TimeSpan.FromSeconds(30) }, _time);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Request_OverRequestLimit_Returns429WithRetryAfterAndDocumentedError()
    {
        var client = await _host.ClientAsync();
        for (var i = 0; i < 3; i++) (await client.GetAsync("WhoAmI()")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await client.GetAsync("WhoAmI()");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.GetValues("Retry-After").Single().ShouldBe("300");
        (await refused.ErrorAsync()).ShouldBe(("0x80072322", "Number of requests exceeded the limit of 3 over time window of 300 seconds."));
    }

    [Fact]
    public async Task Request_AfterWindowSlides_IsAllowedAgain()
    {
        var client = await _host.ClientAsync();
        for (var i = 0; i < 3; i++)
        {
            await client.GetAsync("WhoAmI()");
            _time.Advance(TimeSpan.FromSeconds(10));
        }
        var refused = await client.GetAsync("WhoAmI()");
        var wait = TimeSpan.FromSeconds(int.Parse(refused.Headers.GetValues("Retry-After").Single()));

        _time.Advance(wait - TimeSpan.FromSeconds(1));
        var early = await client.GetAsync("WhoAmI()");
        _time.Advance(TimeSpan.FromSeconds(int.Parse(early.Headers.GetValues("Retry-After").Single())));
        var onTime = await client.GetAsync("WhoAmI()");

        wait.ShouldBe(TimeSpan.FromSeconds(270));
        early.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        onTime.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Request_WhileThrottled_GetsLongerRetryAfter()
    {
        var client = await _host.ClientAsync();
        for (var i = 0; i < 3; i++) await client.GetAsync("WhoAmI()");

        var waits = new List<string>();
        for (var i = 0; i < 3; i++) waits.Add((await client.GetAsync("WhoAmI()")).Headers.GetValues("Retry-After").Single());
        _time.Advance(TimeSpan.FromSeconds(389));
        var beforeEscalatedEnd = await client.GetAsync("WhoAmI()");

        // 300 s until the window has room, then +1 × 30 s and +2 × 30 s on what was left; the early retry escalates again.
        waits.ShouldBe(["300", "330", "390"]);
        beforeEscalatedEnd.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        beforeEscalatedEnd.Headers.GetValues("Retry-After").Single().ShouldBe("91");
    }

    [Fact]
    public async Task Request_OtherUserOverLimit_IsNotThrottled()
    {
        var integration = await _host.ClientAsync();
        var salesperson = await _host.ClientAsync(_host.Salesperson);
        for (var i = 0; i < 4; i++) await integration.GetAsync("WhoAmI()");

        var other = await salesperson.GetAsync("WhoAmI()");

        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        other.Headers.GetValues("x-ms-ratelimit-burst-remaining-xrm-requests").Single().ShouldBe("2");
    }

    [Fact]
    public async Task Request_Impersonating_ChargesAuthenticatedUser()
    {
        var integration = await _host.ClientAsync();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "WhoAmI()");
            request.Headers.Add("MSCRMCallerID", _host.Salesperson.Id.ToString());
            (await integration.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var own = await integration.GetAsync("WhoAmI()");

        own.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        _host.Traffic.Calls.ForUser(_host.Integration.Id).HttpRequests.ShouldBe(4);
        _host.Traffic.Calls.ForUser(_host.Salesperson.Id).ShouldBe(CallCounts.None);
    }
}
