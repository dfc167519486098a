using Microsoft.AspNetCore.Http;
using SalesBridge.Emulator.Faults;
using SalesBridge.Emulator.Limits;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.Tests.Limits;

/// <summary>
/// Requests inside a <c>$batch</c> enter at <see cref="DataverseRequestPipeline.ExecuteAsync"/>; until the batch
/// endpoint exists they are driven here the way it will drive them, one part context at a time.
/// </summary>
public sealed class BatchPartTests : IAsyncLifetime
{
    private TrafficTestServer _host = null!;

    public async Task InitializeAsync() => _host = await TrafficTestServer.StartAsync(new ServiceProtectionLimits { MaxRequests = 2 });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ExecuteAsync_BatchParts_CountAsBatchedRequestsWithoutSpendingRequestLimit()
    {
        var statuses = new List<int>();
        for (var i = 0; i < 5; i++) statuses.Add(await ExecutePartAsync("WhoAmI()"));

        statuses.ShouldAllBe(s => s == 200);
        var calls = _host.Traffic.Calls.ForUser(_host.Integration.Id);
        calls.BatchedRequests.ShouldBe(5);
        calls.HttpRequests.ShouldBe(0);
        _host.Traffic.Protection.UsageOf(_host.Integration.Id).Requests.ShouldBe(0);
    }

    [Fact]
    public async Task ExecuteAsync_PartsCountAsRequests_ThrottlesThePartOverTheLimit()
    {
        _host.Traffic.Protection.Limits = _host.Traffic.Protection.Limits with { BatchPartsCountAsRequests = true };

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++) statuses.Add(await ExecutePartAsync("WhoAmI()"));

        statuses.ShouldBe([200, 200, 429]);
        _host.Traffic.Calls.ForUser(_host.Integration.Id).Throttled.ShouldBe(1);
    }

    [Fact]
    public async Task ExecuteAsync_StatusFaultForPart_FailsOnlyThatPart()
    {
        _host.Traffic.Faults.Apply(new(3, [new(FaultKind.ServiceUnavailable) { Count = 1 }, new(FaultKind.DropConnection)]));

        var statuses = new List<int>();
        for (var i = 0; i < 2; i++) statuses.Add(await ExecutePartAsync("WhoAmI()"));

        // The drop rule matches every request but has no meaning inside a batch, so the second part succeeds.
        statuses.ShouldBe([503, 200]);
    }

    private async Task<int> ExecutePartAsync(string path)
    {
        var part = new DefaultHttpContext { RequestServices = _host.Server.Services };
        part.Request.Method = "GET";
        part.Request.Scheme = _host.Server.BaseUri.Scheme;
        part.Request.Host = new HostString(_host.Server.BaseUri.Authority);
        part.Response.Body = new MemoryStream();
        var org = _host.Server.Org;
        var caller = new Caller(_host.Integration.Id, org.RootBusinessUnitId);
        await DataverseRequestPipeline.ExecuteAsync(part, org, caller, _host.Server.WebApiUri.ToString(), path);
        return part.Response.StatusCode;
    }
}
