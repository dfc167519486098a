using System.Net;
using SalesBridge.Emulator.Limits;
using SalesBridge.Emulator.Tests.Infrastructure;

namespace SalesBridge.Emulator.Tests.Limits;

/// <summary>
/// The combined execution time limit, on the real clock: two requests slowed by 600 ms exceed a 1 s budget,
/// so the next request is refused.
/// </summary>
public sealed class ExecutionTimeLimitTests : IAsyncLifetime
{
    private TrafficTestServer _host = null!;

    public async Task InitializeAsync() =>
        _host = await TrafficTestServer.StartAsync(new ServiceProtectionLimits { MaxExecutionTime = TimeSpan.FromSeconds(1) });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Request_OverExecutionTime_Returns429WithDocumentedError()
    {
        var client = await _host.ClientAsync();
        await client.GetAsync("WhoAmI()"); // warms the server up, then is forgotten, so only the slowed requests weigh
        _host.Traffic.Protection.Reset();
        await _host.PutFaultsAsync(new { faults = new[] { new { kind = "slow", count = 2, delayMs = 600 } } });
        (await client.GetAsync("WhoAmI()")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var withinBudget = await client.GetAsync("WhoAmI()");

        var refused = await client.GetAsync("WhoAmI()");

        withinBudget.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(refused.Headers.GetValues("Retry-After").Single()).ShouldBeInRange(299, 300);
        (await refused.ErrorAsync()).ShouldBe(("0x80072321",
            "Combined execution time of incoming requests exceeded limit of 1,000 milliseconds over time window of 300 seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later."));
        _host.Traffic.Calls.ForUser(_host.Integration.Id).ExecutionTime.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1200));
    }
}
