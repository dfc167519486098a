using SalesBridge.Dataverse.Tests.Infrastructure;

namespace SalesBridge.Dataverse.Tests.Operations;

[Collection("Dataverse")]
public sealed class QueryOperationTests(DataverseFixture dataverse)
{
    [Fact]
    public async Task QueryAsync_SmallPages_ReadsEveryRowOnceWithMinimalRequests()
    {
        var client = await dataverse.ClientAsync(o => o.PageSize = 70);
        var expected = dataverse.Server.Org.Store.Table("lead").Count;
        var before = client.Calls.Snapshot();

        var ids = new List<string>();
        await foreach (var row in client.QueryAsync("leads", new DataverseQuery { Select = ["fullname"] })) ids.Add(row["leadid"]!.GetValue<string>());

        ids.Count.ShouldBe(expected);
        ids.Distinct().Count().ShouldBe(expected);
        client.Calls.Snapshot().Since(before).Requests.ShouldBe((expected + 69) / 70);
    }

    [Fact]
    public async Task QueryAsync_FilterWithQuoteInValue_MatchesExactly()
    {
        var client = await dataverse.ClientAsync();
        var name = "D'Angelo " + Guid.NewGuid().ToString("N")[..6];
        await client.CreateAsync("accounts", new System.Text.Json.Nodes.JsonObject { ["name"] = name });

        var rows = await client.QueryAsync("accounts", new DataverseQuery { Select = ["name"], Filter = ODataFilter.Eq("name", name) }).ToListAsync();

        rows.ShouldHaveSingleItem()["name"]!.GetValue<string>().ShouldBe(name);
    }

    [Fact]
    public async Task QueryAsync_InjectionAttemptInValue_StaysAValue()
    {
        var client = await dataverse.ClientAsync();

        var rows = await client.QueryAsync("accounts",
            new DataverseQuery { Select = ["name"], Filter = ODataFilter.Eq("name", "x' or name ne 'x") }).ToListAsync();

        rows.ShouldBeEmpty();
    }

    [Fact]
    public async Task QueryAsync_TopAndOrder_ReturnsAtMostTopInOrder()
    {
        var client = await dataverse.ClientAsync();

        var rows = await client.QueryAsync("accounts", new DataverseQuery { Select = ["name"], OrderBy = ["name desc"], Top = 3 }).ToListAsync();

        rows.Count.ShouldBe(3);
        var names = rows.Select(r => r["name"]!.GetValue<string>()).ToArray();
        names.ShouldBe(names.OrderByDescending(n => n, StringComparer.OrdinalIgnoreCase).ToArray());
    }

    [Fact]
    public async Task QueryAsync_FormattedValues_WhenAsked()
    {
        var client = await dataverse.ClientAsync();

        var row = await client.QueryAsync("opportunities", new DataverseQuery
        {
            Select = ["salesstage"], Filter = ODataFilter.Ne("salesstage", null), Top = 1,
            IncludeAnnotations = "OData.Community.Display.V1.FormattedValue",
        }).FirstAsync();

        row["salesstage@OData.Community.Display.V1.FormattedValue"]!.GetValue<string>().ShouldBeOneOf("Qualify", "Develop", "Propose", "Close");
    }

    [Fact]
    public async Task CountAsync_WithFilter_CountsMatchingRows()
    {
        var client = await dataverse.ClientAsync();
        var open = dataverse.World.Opportunities.Count(o => o.StateCode == 0);

        var count = await client.CountAsync("opportunities", ODataFilter.Eq("statecode", 0));

        count.ShouldBe(Math.Min(open, 5000));
    }

    [Fact]
    public void QueryAsync_BadColumnName_RefusedBeforeSending()
    {
        Should.Throw<ArgumentException>(() => ODataFilter.Eq("name eq 'x' or name", "y"));
        Should.Throw<ArgumentException>(() => EntityKey.Alternate(("accountnumber)", "A1")));
    }
}
