using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Dataverse.Authentication;
using SalesBridge.Emulator.Hosting;

namespace SalesBridge.Dataverse.Tests.Resilience;

/// <summary>B7, B9: a process keeps to its share of an org's request budget, batches counted by the requests inside them.</summary>
public sealed class RequestBudgetTests : IAsyncLifetime
{
    private EmulatorServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await EmulatorServer.StartAsync(new EmulatorOptions { Size = "tiny" });
        _services = new ServiceCollection().AddDataverseClientFactory().Services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task RequestsOverTheBudget_WaitForTheWindowToSlide_NoneIsRefused()
    {
        var client = await ClientAsync(budget: 5, window: TimeSpan.FromSeconds(1));
        var stopwatch = Stopwatch.StartNew();

        // 12 requests against 5 per second: at least two windows must pass, without a single 429 from the org.
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.WhoAmIAsync()));

        stopwatch.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(1.8));
        client.Calls.Requests.ShouldBe(12);
        client.Calls.Throttled.ShouldBe(0);
    }

    [Fact]
    public async Task ABatch_CountsAsTheRequestsInIt()
    {
        var client = await ClientAsync(budget: 4, window: TimeSpan.FromSeconds(1));
        var batch = new DataverseBatch();
        for (var i = 0; i < 4; i++) batch.Get("accounts?$select=name&$top=1");
        var stopwatch = Stopwatch.StartNew();

        await client.ExecuteBatchAsync(batch);
        await client.WhoAmIAsync();

        // The batch took the whole window's budget, so the next request waited for it to slide.
        stopwatch.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(0.8));
    }

    [Fact]
    public async Task WaitingForTheBudget_IsNotATimedOutAttempt()
    {
        // One request per 2 s and attempts that time out after 1 s: the third request waits about 4 s for the budget.
        var client = await ClientAsync(budget: 1, window: TimeSpan.FromSeconds(2), attemptTimeout: TimeSpan.FromSeconds(1));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.WhoAmIAsync()));

        client.Calls.Requests.ShouldBe(3);
        client.Calls.Retries.ShouldBe(0);
    }

    [Fact]
    public async Task WithoutABudget_RequestsGoAtOnce()
    {
        var client = await ClientAsync(budget: null, window: TimeSpan.FromSeconds(1));
        var stopwatch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.WhoAmIAsync()));

        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1.8));
    }

    private async Task<DataverseClient> ClientAsync(int? budget, TimeSpan window, TimeSpan? attemptTimeout = null) =>
        _services.GetRequiredService<DataverseClientFactory>().Create(
            new DataverseClientOptions
            {
                OrganizationUrl = _server.BaseUri, AllowNonDynamicsHost = true, RequestBudget = budget, RequestBudgetWindow = window,
                AttemptTimeout = attemptTimeout ?? TimeSpan.FromMinutes(2),
            },
            new FixedTokenProvider(await _server.IntegrationTokenAsync()));
}
