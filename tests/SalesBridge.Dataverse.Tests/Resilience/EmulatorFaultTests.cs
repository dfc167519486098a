using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Dataverse.Authentication;
using SalesBridge.Emulator.Faults;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Limits;

namespace SalesBridge.Dataverse.Tests.Resilience;

/// <summary>The client against the emulator's injected faults, each failure path end to end over HTTP.</summary>
public sealed class EmulatorFaultTests : IAsyncLifetime
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
    public async Task TooManyRequestsTwice_ThenSuccess()
    {
        var client = await ClientAsync();
        Inject(new FaultRule(FaultKind.TooManyRequests) { Count = 2, RetryAfter = TimeSpan.Zero });

        var me = await client.WhoAmIAsync();

        me.UserId.ShouldBe(_server.World.IntegrationUser.Id);
        client.Calls.Throttled.ShouldBe(2);
        client.Calls.Retries.ShouldBe(2);
    }

    [Fact]
    public async Task ServiceUnavailableOnce_ReadRetried()
    {
        var client = await ClientAsync(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(10));
        Inject(new FaultRule(FaultKind.ServiceUnavailable) { Count = 1, RetryAfter = TimeSpan.Zero });

        var count = await client.CountAsync("accounts");

        count.ShouldBe(_server.World.Accounts.Count);
        client.Calls.Requests.ShouldBe(2);
    }

    [Fact]
    public async Task ExpiredTokenOnce_RefreshedAndRepeated()
    {
        var tokens = new CountingTokens(await _server.IntegrationTokenAsync());
        var client = _services.GetRequiredService<DataverseClientFactory>().Create(Options(), tokens);
        Inject(new FaultRule(FaultKind.ExpiredToken) { Count = 1 });

        await client.WhoAmIAsync();

        tokens.ForcedRefreshes.ShouldBe(1);
    }

    [Fact]
    public async Task UnreachableOrg_SurfacesUnreachable()
    {
        var client = await ClientAsync(o =>
        {
            o.MaxRetries = 1;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });
        Inject(new FaultRule(FaultKind.Unreachable));

        await Should.ThrowAsync<DataverseUnreachableException>(() => client.WhoAmIAsync());
        client.Calls.Requests.ShouldBe(2);
    }

    [Fact]
    public async Task DroppedConnectionOnCreate_NotRepeatedAndNothingWritten()
    {
        var client = await ClientAsync();
        var before = _server.Org.Store.Table("account").Count;
        Inject(new FaultRule(FaultKind.DropConnection) { Count = 1, Method = "POST" });

        await Should.ThrowAsync<DataverseUnreachableException>(() => client.CreateAsync("accounts", new JsonObject { ["name"] = "never" }));

        client.Calls.Requests.ShouldBe(1);
        _server.Org.Store.Table("account").Count.ShouldBe(before);
    }

    [Fact]
    public async Task UpsertMany_PartsThrottledInsideTheBatch_SentAgainUntilAllLand()
    {
        var client = await ClientAsync();
        var prefix = "PART-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var rows = Enumerable.Range(0, 20).Select(i => (EntityKey.Alternate(("accountnumber", prefix + i)), new JsonObject { ["name"] = $"Part {i}" })).ToArray();
        Inject(new FaultRule(FaultKind.TooManyRequests) { Count = 3, Method = "PATCH", RetryAfter = TimeSpan.FromMilliseconds(100) });

        var results = await client.UpsertManyAsync("accounts", rows);

        results.ShouldAllBe(r => r.Succeeded);
        client.Calls.Requests.ShouldBe(2);
        client.Calls.RetryAfterWaited.ShouldBeGreaterThan(TimeSpan.Zero);
        _server.Org.Store.Table("account").InKeyOrder().Count(a => ((string?)a["accountnumber"])?.StartsWith(prefix, StringComparison.Ordinal) == true).ShouldBe(20);
    }

    [Fact]
    public async Task CallCounts_OfClientAndEmulator_Agree()
    {
        var client = await ClientAsync();
        _server.Traffic().Calls.Reset();
        Inject(new FaultRule(FaultKind.TooManyRequests) { Count = 1, RetryAfter = TimeSpan.Zero });

        await client.WhoAmIAsync();
        await client.CountAsync("contacts");

        // An injected fault answers before sign-in, so the emulator books it to no user: compare the org's totals.
        var emulator = _server.Traffic().Calls.Total;
        emulator.HttpRequests.ShouldBe(client.Calls.Requests);
        (emulator.Throttled + emulator.Faulted).ShouldBe(client.Calls.Throttled);
    }

    private void Inject(FaultRule rule) => _server.Traffic().Faults.Apply(new FaultPlan(Seed: 7, [rule]));

    private DataverseClientOptions Options(Action<DataverseClientOptions>? configure = null)
    {
        var options = new DataverseClientOptions { OrganizationUrl = _server.BaseUri, AllowNonDynamicsHost = true };
        configure?.Invoke(options);
        return options;
    }

    private async Task<DataverseClient> ClientAsync(Action<DataverseClientOptions>? configure = null) =>
        _services.GetRequiredService<DataverseClientFactory>().Create(Options(configure), new FixedTokenProvider(await _server.IntegrationTokenAsync()));

    private sealed class CountingTokens(string token) : ITokenProvider
    {
        public int ForcedRefreshes { get; private set; }

        public ValueTask<AccessToken> GetTokenAsync(TokenRequest request, CancellationToken cancellationToken)
        {
            if (request.ForceRefresh) ForcedRefreshes++;
            return ValueTask.FromResult(new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1)));
        }
    }
}
