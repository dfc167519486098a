using System.Text.Json;
using SalesBridge.Emulator.Query;

namespace SalesBridge.Emulator.Tests.Query;

[Collection("Query")]
public sealed class CollectionQueryPagingTests(QueryFixture fixture)
{
    private async Task<List<JsonElement>> PagesAsync(string url, int pageSize, string? caller = null)
    {
        using var client = fixture.Host.Client(caller, $"odata.maxpagesize={pageSize}");
        var pages = new List<JsonElement>();
        for (string? next = url; next is not null;)
        {
            var response = await client.GetAsync(next);
            var text = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).ShouldBe(200, text);
            response.Headers.GetValues("Preference-Applied").ShouldContain($"odata.maxpagesize={pageSize}");
            var body = JsonDocument.Parse(text).RootElement.Clone();
            pages.Add(body);
            next = body.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            pages.Count.ShouldBeLessThan(100);
        }
        return pages;
    }

    [Fact]
    public async Task WriteAsync_MaxPageSizeInKeyOrder_ReturnsEveryRowOnceAndNoNextLinkOnLastPage()
    {
        var pages = await PagesAsync("leads?$select=lastname", 5);
        pages.Count.ShouldBe(5);
        pages.Take(4).ShouldAllBe(p => p.GetProperty("value").GetArrayLength() == 5);
        pages[^1].TryGetProperty("@odata.nextLink", out _).ShouldBeFalse();
        var ids = pages.SelectMany(p => p.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("leadid").GetGuid())).ToList();
        ids.Count.ShouldBe(QueryFixture.LeadCount);
        ids.Distinct().Count().ShouldBe(QueryFixture.LeadCount);
        ids.ShouldBe(ids.Order().ToList());
    }

    [Fact]
    public async Task WriteAsync_MaxPageSizeWithOrderByTies_ResumesExactlyAfterLastRow()
    {
        var pages = await PagesAsync("leads?$select=lastname,companyname&$orderby=companyname desc&$filter=lastname ne 'Lead 00'", 4);
        var rows = pages.SelectMany(p => p.GetProperty("value").EnumerateArray()).ToList();
        rows.Count.ShouldBe(QueryFixture.LeadCount - 1);
        rows.Select(r => r.GetProperty("leadid").GetGuid()).Distinct().Count().ShouldBe(rows.Count);
        var companies = rows.Select(r => r.GetProperty("companyname").GetString()!).ToList();
        companies.ShouldBe(companies.OrderDescending(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task WriteAsync_NextLink_IsAbsoluteKeepsOptionsAndCarriesDataverseCookie()
    {
        var (_, body) = await fixture.Host.GetJsonAsync("leads?$select=lastname&$filter=companyname ne 'x'", "odata.maxpagesize=2");
        var link = body.GetProperty("@odata.nextLink").GetString()!;
        link.ShouldStartWith(fixture.Host.Root + "leads?$select=lastname&$filter=companyname%20ne%20");
        Uri.UnescapeDataString(link).ShouldContain("&$filter=companyname ne 'x'&$skiptoken=");
        var token = Uri.UnescapeDataString(link[(link.IndexOf("$skiptoken=", StringComparison.Ordinal) + 11)..]);
        token.ShouldStartWith("<cookie pagenumber=\"2\" pagingcookie=\"%253ccookie%2520page%253d%25221%2522%253e");
        token.ShouldEndWith("istracking=\"False\" />");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("<cookie pagenumber=\"2\" istracking=\"False\" />")]
    [InlineData("<cookie pagenumber=\"2\" pagingcookie=\"%253ccookie%2520page%253d%25221%2522%253e%253cleadid%2520last%253d%2522nope%2522%2520%252f%253e%253c%252fcookie%253e\" istracking=\"False\" />")]
    public async Task WriteAsync_GarbledSkipToken_Returns400(string token)
    {
        var (status, body) = await fixture.Host.GetJsonAsync("leads?$select=lastname&$skiptoken=" + Uri.EscapeDataString(token), "odata.maxpagesize=2");
        status.ShouldBe(400);
        body.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("$skiptoken");
    }

    [Fact]
    public async Task WriteAsync_SkipTokenFromOtherOrder_Returns400()
    {
        var (_, body) = await fixture.Host.GetJsonAsync("leads?$select=lastname&$orderby=companyname", "odata.maxpagesize=2");
        var link = body.GetProperty("@odata.nextLink").GetString()!;
        var (status, _) = await fixture.Host.GetJsonAsync(link.Replace("$orderby=companyname&", ""), "odata.maxpagesize=2");
        status.ShouldBe(400);
    }

    [Fact]
    public async Task WriteAsync_MaxPageSizeAbove5000_IsIgnoredAndNotEchoed()
    {
        using var client = fixture.Host.Client(prefer: "odata.maxpagesize=6000");
        var response = await client.GetAsync("leads?$select=lastname");
        ((int)response.StatusCode).ShouldBe(200);
        response.Headers.Contains("Preference-Applied").ShouldBeFalse();
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("value").GetArrayLength().ShouldBe(QueryFixture.LeadCount);
    }

    [Fact]
    public async Task WriteAsync_ReadScopeWhilePaging_PagesOnlyVisibleRows()
    {
        var pages = await PagesAsync("contacts?$select=lastname", 1, caller: "sales");
        pages.Count.ShouldBe(1);
        QueryFixture.Values(pages[0], "lastname").ShouldBe(["Dee"]);
    }
}

public sealed class PagingPolicyTests
{
    [Fact]
    public async Task WriteAsync_MaxPageSizeAbove5000WhenOrgRefuses_Returns400()
    {
        var org = new QueryTestOrg();
        PagingPolicy.Configure(org.Org, new PagingPolicy { OversizedPageSize = OversizedPageSize.Refuse });
        await using var host = await QueryHost.StartAsync(org);
        var (status, body) = await host.GetJsonAsync("accounts", "odata.maxpagesize=5001");
        status.ShouldBe(400);
        body.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("5000");
    }

    [Fact]
    public async Task WriteAsync_MoreThan5000Rows_CapsCountAndPagesAt5000()
    {
        var org = new QueryTestOrg();
        org.Org.Store.Write(scope =>
        {
            for (var i = 0; i < 5003; i++)
            {
                scope.Put(new Store.EntityRow("lead", Guid.NewGuid(), new() { ["lastname"] = $"L{i}" }) { Version = scope.NextVersion() });
            }
            return 0;
        });
        await using var host = await QueryHost.StartAsync(org);
        var (_, body) = await host.GetJsonAsync("leads?$select=lastname&$count=true",
            "odata.include-annotations=\"Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded\"");
        body.GetProperty("@odata.count").GetInt32().ShouldBe(5000);
        body.GetProperty("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded").GetBoolean().ShouldBeTrue();
        body.GetProperty("value").GetArrayLength().ShouldBe(5000);
        var (_, last) = await host.GetJsonAsync(body.GetProperty("@odata.nextLink").GetString()!);
        last.GetProperty("value").GetArrayLength().ShouldBe(3);
        last.TryGetProperty("@odata.nextLink", out _).ShouldBeFalse();
        using var client = host.Client();
        (await client.GetStringAsync("leads/$count")).ShouldBe("5000");
    }

    [Fact]
    public async Task WriteAsync_RowWrittenBetweenPages_InvalidatesCachedOrderAndStillResumes()
    {
        var org = new QueryTestOrg();
        foreach (var name in new[] { "b", "d", "f", "h" }) org.Put("lead", Guid.NewGuid(), new() { ["lastname"] = name });
        await using var host = await QueryHost.StartAsync(org);
        var (_, first) = await host.GetJsonAsync("leads?$select=lastname&$orderby=lastname", "odata.maxpagesize=2");
        QueryFixture.Values(first, "lastname").ShouldBe(["b", "d"]);
        org.Put("lead", Guid.NewGuid(), new() { ["lastname"] = "a" });
        org.Put("lead", Guid.NewGuid(), new() { ["lastname"] = "e" });
        var (_, second) = await host.GetJsonAsync(first.GetProperty("@odata.nextLink").GetString()!, "odata.maxpagesize=2");
        QueryFixture.Values(second, "lastname").ShouldBe(["e", "f"]);
    }
}
