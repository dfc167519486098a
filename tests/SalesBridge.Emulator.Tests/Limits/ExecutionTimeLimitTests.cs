using System.Net;
using Microsoft.Extensions.Time.Testing;
using SalesBridge.Emulator.Limits;
using SalesBridge.Emulator.Tests.Infrastructure;

namespace SalesBridge.Emulator.Tests.Limits;

/// <summary>
/// The combined execution time limit: two requests slowed by 10 s (on a test clock) exceed a 15 s budget, so
/// the next request is refused until the first of them leaves the window.
/// </summary>
public sealed class ExecutionTimeLimitTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
    private TrafficTestServer _host = null!;

    public async Task InitializeAsync() =>
        _host = await TrafficTestServer.StartAsync(new ServiceProtectionLimits { MaxExecutionTime = TimeSpan.FromSeconds(15) }, _time);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Request_OverExecutionTime_Returns429WithDocumentedError()
    {
        var client = await _host.ClientAsync();
        await _host.PutFaultsAsync(new { faults = new[] { new { kind = "slow", count = 2, delayMs = 10_000 } } });
        var first = await SlowRequestAsync(client);
        var withinBudget = await SlowRequestAsync(client);

        var refused = await client.GetAsync("WhoAmI()");

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        withinBudget.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        // 20 s used; back within 15 s once the first request (ended at +10 s) leaves the window: 300 - 10 s from now.
        refused.Headers.GetValues("Retry-After").Single().ShouldBe("290");
        (await refused.ErrorAsync()).ShouldBe(("0x80072321",
            "Combined execution time of incoming requests exceeded limit of 15,000 milliseconds over time window of 300 seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later."));
        _host.Traffic.Calls.ForUser(_host.Integration.Id).ExecutionTime.ShouldBe(TimeSpan.FromSeconds(20));
    }

    private async Task<HttpResponseMessage> SlowRequestAsync(HttpClient client)
    {
        var pending = client.GetAsync("WhoAmI()");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_host.Traffic.Protection.UsageOf(_host.Integration.Id).InFlight == 0) await Task.Delay(10, timeout.Token);
        _time.Advance(TimeSpan.FromSeconds(10));
        return await pending;
    }
}
