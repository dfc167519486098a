using System.Net;
using Microsoft.Extensions.Time.Testing;
using SalesBridge.Emulator.Limits;
using SalesBridge.Emulator.Tests.Infrastructure;

namespace SalesBridge.Emulator.Tests.Limits;

/// <summary>Requests held open by a slow fault occupy the user's concurrency slots; one more fails at once.</summary>
public sealed class ConcurrencyLimitTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
    private TrafficTestServer _host = null!;

    public async Task InitializeAsync() =>
        _host = await TrafficTestServer.StartAsync(new ServiceProtectionLimits { MaxConcurrentRequests = 2 }, _time);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Request_OverConcurrencyLimit_FailsAtOnceWith0x80072326()
    {
        var client = await _host.ClientAsync();
        await _host.PutFaultsAsync(new { seed = 1, faults = new[] { new { kind = "slow", count = 2, delayMs = 10_000 } } });
        var held = new[] { client.GetAsync("WhoAmI()"), client.GetAsync("WhoAmI()") };
        await WaitUntilAsync(() => _host.Traffic.Protection.UsageOf(_host.Integration.Id).InFlight == 2);

        var refused = await client.GetAsync("WhoAmI()");
        _time.Advance(TimeSpan.FromSeconds(10));
        var released = await Task.WhenAll(held);
        var afterwards = await client.GetAsync("WhoAmI()");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.GetValues("Retry-After").Single().ShouldBe("1");
        (await refused.ErrorAsync()).ShouldBe(("0x80072326", "Number of concurrent requests exceeded the limit of 2."));
        released.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        afterwards.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition()) await Task.Delay(10, timeout.Token);
    }
}
