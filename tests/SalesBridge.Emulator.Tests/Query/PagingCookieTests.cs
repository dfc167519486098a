using Microsoft.OData.UriParser;
using SalesBridge.Emulator.Query;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Tests.Query;

public sealed class PagingCookieTests
{
    private static readonly OrgSchema Schema = StandardSchema.Create();
    private static readonly TableDefinition Opportunity = Schema.GetTable("opportunity");

    private static RowOrder Order(string orderBy)
    {
        var parser = ParsedQuery.Parser(Schema, Opportunity, new Dictionary<string, string> { ["$orderby"] = orderBy });
        return RowOrder.From(parser.ParseOrderBy(), Opportunity);
    }

    [Fact]
    public void Read_CookieOfTypedSortValues_RoundTripsEveryValue()
    {
        var order = Order("estimatedclosedate desc,estimatedvalue,_parentaccountid_value,name,closeprobability");
        var date = new DateTimeOffset(2025, 5, 6, 7, 8, 9, 123, TimeSpan.Zero);
        var account = Guid.NewGuid();
        var row = new EntityRow("opportunity", Guid.NewGuid(), new()
        {
            ["estimatedclosedate"] = date, ["estimatedvalue"] = 1234.5678m,
            ["parentaccountid"] = new EntityReference("account", account), ["name"] = "A <b> & \"c\" 'd' %20",
        });
        var position = order.PositionOf(row);

        var cookie = PagingCookie.Create(3, order, Opportunity, position, Guid.NewGuid());
        var (pageNumber, read) = PagingCookie.Read(cookie, order, Opportunity);

        pageNumber.ShouldBe(4);
        read.LastId.ShouldBe(row.Id);
        read.Values.ShouldBe([date, 1234.5678m, account, "A <b> & \"c\" 'd' %20", null]);
        order.CompareToPosition(row, read).ShouldBe(0);
    }

    [Fact]
    public void Read_CookieWithDifferentOrder_Throws400()
    {
        var cookie = PagingCookie.Create(1, Order("name"), Opportunity, new PagePosition(["x"], Guid.NewGuid()), Guid.NewGuid());
        Should.Throw<Protocol.DataverseFault>(() => PagingCookie.Read(cookie, Order("stepname"), Opportunity)).Status.ShouldBe(400);
        Should.Throw<Protocol.DataverseFault>(() => PagingCookie.Read(cookie, RowOrder.PrimaryKey, Opportunity)).Status.ShouldBe(400);
    }

    [Fact]
    public void From_OrderByPrimaryKeyAscending_IsKeyOrder()
    {
        Order("opportunityid").IsKeyOrder.ShouldBeTrue();
        Order("opportunityid desc").IsKeyOrder.ShouldBeFalse();
    }
}

public sealed class ResultCacheTests
{
    [Fact]
    public void GetOrAdd_SameSnapshot_ReusesRowsAndNewSnapshotRecomputes()
    {
        var cache = new ResultCache();
        var snapshot = new object();
        var computed = 0;
        EntityRow[] Compute() { computed++; return []; }

        var first = cache.GetOrAdd("q", snapshot, Compute);
        cache.GetOrAdd("q", snapshot, Compute).ShouldBeSameAs(first);
        computed.ShouldBe(1);
        cache.GetOrAdd("q", new object(), Compute);
        computed.ShouldBe(2);
    }

    [Fact]
    public void GetOrAdd_BeyondCapacity_EvictsOldestEntry()
    {
        var cache = new ResultCache();
        var snapshot = new object();
        for (var i = 0; i <= ResultCache.Capacity; i++) cache.GetOrAdd($"q{i}", snapshot, () => []);
        cache.Count.ShouldBe(ResultCache.Capacity);
        var recomputed = false;
        cache.GetOrAdd("q0", snapshot, () => { recomputed = true; return []; });
        recomputed.ShouldBeTrue();
    }
}
