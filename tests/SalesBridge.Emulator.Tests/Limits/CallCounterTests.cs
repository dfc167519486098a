using System.Net;
using SalesBridge.Emulator.Limits;
using SalesBridge.Emulator.Tests.Infrastructure;

namespace SalesBridge.Emulator.Tests.Limits;

/// <summary>Call counts per org and per authenticated user, in-process and over the control endpoint, and their reset.</summary>
public sealed class CallCounterTests : IAsyncLifetime
{
    private TrafficTestServer _host = null!;

    public async Task InitializeAsync() => _host = await TrafficTestServer.StartAsync(new ServiceProtectionLimits { MaxRequests = 2 });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Calls_TwoUsersAndAnonymous_CountedPerUserAndInTotal()
    {
        var integration = await _host.ClientAsync();
        var salesperson = await _host.ClientAsync(_host.Salesperson);
        for (var i = 0; i < 3; i++) await integration.GetAsync("WhoAmI()");
        await salesperson.GetAsync("WhoAmI()");
        using var anonymous = new HttpClient { BaseAddress = _host.Server.WebApiUri };
        (await anonymous.GetAsync("WhoAmI()")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var calls = _host.Traffic.Calls;

        calls.ForUser(_host.Integration.Id).ShouldSatisfyAllConditions(
            c => c.HttpRequests.ShouldBe(3), c => c.Requests.ShouldBe(3), c => c.Throttled.ShouldBe(1));
        calls.ForUser(_host.Salesperson.Id).ShouldSatisfyAllConditions(c => c.HttpRequests.ShouldBe(1), c => c.Throttled.ShouldBe(0));
        calls.Total.HttpRequests.ShouldBe(5);
        calls.Total.Throttled.ShouldBe(1);
        calls.Users.Count.ShouldBe(2);
    }

    [Fact]
    public async Task CallsEndpoint_GetThenDelete_ReportsAndResetsCounts()
    {
        var integration = await _host.ClientAsync();
        await integration.GetAsync("WhoAmI()");
        await integration.GetAsync("WhoAmI()");
        var control = _host.Control();

        var before = await (await control.GetAsync("calls")).JsonAsync();
        (await control.DeleteAsync("calls")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await (await control.GetAsync("calls")).JsonAsync();

        before.GetProperty("org").GetString().ShouldBe(_host.OrgName);
        before.GetProperty("total").GetProperty("httpRequests").GetInt64().ShouldBe(2);
        var user = before.GetProperty("users").EnumerateArray().Single();
        user.GetProperty("userId").GetGuid().ShouldBe(_host.Integration.Id);
        user.GetProperty("calls").GetProperty("requests").GetInt64().ShouldBe(2);
        after.GetProperty("total").GetProperty("httpRequests").GetInt64().ShouldBe(0);
        after.GetProperty("users").GetArrayLength().ShouldBe(0);
        _host.Traffic.Calls.Total.ShouldBe(CallCounts.None);
    }
}
