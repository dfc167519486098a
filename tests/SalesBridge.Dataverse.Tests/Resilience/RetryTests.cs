using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace SalesBridge.Dataverse.Tests.Resilience;

public sealed class RetryTests
{
    private const string WhoAmI = """{"UserId":"6a7e2b1c-0d5a-4c1e-9f7a-2a6e4d9b7c10","BusinessUnitId":"6a7e2b1c-0d5a-4c1e-9f7a-2a6e4d9b7c11","OrganizationId":"6a7e2b1c-0d5a-4c1e-9f7a-2a6e4d9b7c12"}""";
    private const string Created = "https://contoso.crm.dynamics.com/api/data/v9.2/accounts(6a7e2b1c-0d5a-4c1e-9f7a-2a6e4d9b7c13)";

    [Fact]
    public async Task Read_429ThenSuccess_RetriesAndCountsThrottling()
    {
        var org = new ScriptedOrg().Then((HttpStatusCode)429, ScriptedOrg.Throttled(), ("Retry-After", "0")).Then(HttpStatusCode.OK, WhoAmI);
        var client = org.Client();

        var me = await client.WhoAmIAsync();

        me.UserId.ShouldBe(Guid.Parse("6a7e2b1c-0d5a-4c1e-9f7a-2a6e4d9b7c10"));
        org.Received.Count.ShouldBe(2);
        client.Calls.Snapshot().ShouldBe(new Http.DataverseCallCounts(Requests: 2, Throttled: 1, Retries: 1, BatchOperations: 0));
    }

    [Fact]
    public async Task Read_503Twice_RetriedUntilSuccess()
    {
        var org = new ScriptedOrg().Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.OK, WhoAmI);

        await org.Client().WhoAmIAsync();

        org.Received.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Create_503_IsNotRepeated()
    {
        var org = new ScriptedOrg().Then(HttpStatusCode.ServiceUnavailable, """{"error":{"code":"0x80040216","message":"An unexpected error occurred."}}""");

        var error = await Should.ThrowAsync<DataverseException>(() => org.Client().CreateAsync("accounts", new JsonObject { ["name"] = "x" }));

        error.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        error.ErrorCode.ShouldBe("0x80040216");
        org.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Create_429_IsRepeatedBecauseNothingRan()
    {
        var org = new ScriptedOrg().Then((HttpStatusCode)429, ScriptedOrg.Throttled(), ("Retry-After", "0"))
            .Then(HttpStatusCode.NoContent, headers: ("OData-EntityId", Created));

        var id = await org.Client().CreateAsync("accounts", new JsonObject { ["name"] = "x" });

        id.ShouldBe(Guid.Parse("6a7e2b1c-0d5a-4c1e-9f7a-2a6e4d9b7c13"));
        org.Received.Count.ShouldBe(2);
        org.Received[1].Body.ShouldBe(org.Received[0].Body);
    }

    [Fact]
    public async Task Upsert_503ThenSuccess_RetriedWithSameBody()
    {
        var org = new ScriptedOrg().Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.NoContent, headers: ("OData-EntityId", Created));

        await org.Client().UpsertAsync("accounts", EntityKey.Alternate(("accountnumber", "A1")), new JsonObject { ["name"] = "x" });

        org.Received.Count.ShouldBe(2);
        org.Received[0].Url.ShouldEndWith("accounts(accountnumber=%27A1%27)");
        org.Received[1].Body.ShouldBe("""{"name":"x"}""");
    }

    [Fact]
    public async Task Read_AlwaysFailing_StopsAfterMaxRetries()
    {
        var org = new ScriptedOrg();
        for (var i = 0; i < 3; i++) org.Then(HttpStatusCode.ServiceUnavailable);

        await Should.ThrowAsync<DataverseException>(() => org.Client(o => o.MaxRetries = 2).WhoAmIAsync());

        org.Received.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Throttled_RetryAfterLongerThanAllowed_FailsAsThrottledWithTheWait()
    {
        var org = new ScriptedOrg().Then((HttpStatusCode)429, ScriptedOrg.Throttled(), ("Retry-After", "600"));

        var error = await Should.ThrowAsync<DataverseThrottledException>(() => org.Client(o => o.MaxRetryDelay = TimeSpan.FromMinutes(1)).WhoAmIAsync());

        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(600));
        error.ErrorCode.ShouldBe("0x80072322");
        org.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Throttled_WaitsTheWholeRetryAfter()
    {
        var org = new ScriptedOrg().Then((HttpStatusCode)429, ScriptedOrg.Throttled(), ("Retry-After", "1")).Then(HttpStatusCode.OK, WhoAmI);
        var watch = Stopwatch.StartNew();

        await org.Client().WhoAmIAsync();

        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task DroppedConnection_ReadRetried_CreateSurfacesUnreachable()
    {
        var reads = new ScriptedOrg().ThenDropConnection().Then(HttpStatusCode.OK, WhoAmI);
        var creates = new ScriptedOrg().ThenDropConnection();

        await reads.Client().WhoAmIAsync();
        await Should.ThrowAsync<DataverseUnreachableException>(() => creates.Client().CreateAsync("accounts", new JsonObject()));

        reads.Received.Count.ShouldBe(2);
        creates.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Parallelism_FollowsDopHintAndHalvesOn429()
    {
        var org = new ScriptedOrg().Then(HttpStatusCode.OK, WhoAmI, ("x-ms-dop-hint", "8"))
            .Then((HttpStatusCode)429, ScriptedOrg.Throttled(), ("Retry-After", "0")).Then(HttpStatusCode.OK, WhoAmI);
        var client = org.Client(o => o.MaxDegreeOfParallelism = 32);

        await client.WhoAmIAsync();
        var afterHint = client.CurrentParallelism;
        await client.WhoAmIAsync();

        afterHint.ShouldBe(8);
        client.CurrentParallelism.ShouldBe(4);
    }
}
