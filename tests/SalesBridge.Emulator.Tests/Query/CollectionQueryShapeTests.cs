using System.Text.Json;

namespace SalesBridge.Emulator.Tests.Query;

[Collection("Query")]
public sealed class CollectionQueryShapeTests(QueryFixture fixture)
{
    [Fact]
    public async Task WriteAsync_Select_WritesSelectedColumnsThenPrimaryKeyAndListsThemInContext()
    {
        var (status, body) = await fixture.Host.GetJsonAsync($"accounts?$select=name,revenue&$filter=accountid eq {fixture.Contoso.Id}");
        status.ShouldBe(200);
        body.GetProperty("@odata.context").GetString().ShouldBe($"{fixture.Host.Root}$metadata#accounts(name,revenue)");
        var row = body.GetProperty("value")[0];
        row.EnumerateObject().Select(p => p.Name).ShouldBe(["@odata.etag", "name", "revenue", "accountid"]);
        row.GetProperty("accountid").GetGuid().ShouldBe(fixture.Contoso.Id);
    }

    [Fact]
    public async Task WriteAsync_NoSelect_WritesEveryColumnAndPlainContext()
    {
        var (_, body) = await fixture.Host.GetJsonAsync($"accounts?$filter=accountid eq {fixture.Contoso.Id}");
        body.GetProperty("@odata.context").GetString().ShouldBe($"{fixture.Host.Root}$metadata#accounts");
        var row = body.GetProperty("value")[0];
        row.GetProperty("_primarycontactid_value").GetGuid().ShouldBe(fixture.Ann.Id);
        row.TryGetProperty("websiteurl", out var website).ShouldBeTrue();
        website.ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task WriteAsync_SelectUnknownColumn_Returns400WithDataverseShape()
    {
        var (status, body) = await fixture.Host.GetJsonAsync("accounts?$select=Name");
        status.ShouldBe(400);
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["error"]);
        var error = body.GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("0x0");
        error.GetProperty("message").GetString().ShouldBe("Could not find a property named 'Name' on type 'Microsoft.Dynamics.CRM.account'.");
    }

    [Fact]
    public async Task WriteAsync_OrderByMultipleColumns_SortsEachDirectionWithNullsFirst()
    {
        var (_, body) = await fixture.Host.GetJsonAsync("accounts?$select=name&$orderby=revenue asc,name desc");
        QueryFixture.Values(body, "name").ShouldBe(["O'Brien Ltd", "contoso east", "Fabrikam", "Contoso"]);
        (_, body) = await fixture.Host.GetJsonAsync("accounts?$select=name&$orderby=revenue desc,name");
        QueryFixture.Values(body, "name").ShouldBe(["Contoso", "Fabrikam", "contoso east", "O'Brien Ltd"]);
    }

    [Fact]
    public async Task WriteAsync_Top_ReturnsFirstRowsWithoutNextLink()
    {
        var (_, body) = await fixture.Host.GetJsonAsync("accounts?$select=name&$orderby=name&$top=2");
        QueryFixture.Values(body, "name").ShouldBe(["Contoso", "contoso east"]);
        body.TryGetProperty("@odata.nextLink", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task WriteAsync_TopWithMaxPageSize_IgnoresTop()
    {
        var (_, body) = await fixture.Host.GetJsonAsync("leads?$select=lastname&$top=2", prefer: "odata.maxpagesize=5");
        body.GetProperty("value").GetArrayLength().ShouldBe(5);
        body.TryGetProperty("@odata.nextLink", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task WriteAsync_CountTrue_CountsAllMatchesRegardlessOfPageSize()
    {
        var (_, body) = await fixture.Host.GetJsonAsync("leads?$select=lastname&$count=true&$filter=companyname eq 'Co 1'", prefer: "odata.maxpagesize=2");
        body.GetProperty("@odata.count").GetInt32().ShouldBe(6);
        body.GetProperty("value").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task WriteAsync_TotalRecordCountAnnotations_FollowCountOption()
    {
        const string prefer = "odata.include-annotations=\"Microsoft.Dynamics.CRM.*\"";
        var (_, body) = await fixture.Host.GetJsonAsync("accounts?$select=name&$count=true", prefer);
        body.GetProperty("@Microsoft.Dynamics.CRM.totalrecordcount").GetInt32().ShouldBe(4);
        body.GetProperty("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded").GetBoolean().ShouldBeFalse();
        (_, body) = await fixture.Host.GetJsonAsync("accounts?$select=name", prefer);
        body.GetProperty("@Microsoft.Dynamics.CRM.totalrecordcount").GetInt32().ShouldBe(-1);
    }

    [Fact]
    public async Task WriteCountAsync_WithFilter_ReturnsPlainTextNumber()
    {
        using var client = fixture.Host.Client();
        var response = await client.GetAsync("leads/$count?$filter=" + Uri.EscapeDataString("companyname eq 'Co 2'"));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await response.Content.ReadAsStringAsync()).ShouldBe("6");
        (await client.GetStringAsync("leads/$count")).ShouldBe(QueryFixture.LeadCount.ToString());
    }

    [Fact]
    public async Task WriteAsync_ReadScope_HidesRowsOfOtherOwners()
    {
        var (_, body) = await fixture.Host.GetJsonAsync("accounts?$select=name&$count=true", caller: "sales");
        QueryFixture.Values(body, "name").ShouldBe(["contoso east"]);
        body.GetProperty("@odata.count").GetInt32().ShouldBe(1);
        using var client = fixture.Host.Client("sales");
        (await client.GetStringAsync("contacts/$count")).ShouldBe("1");
    }

    [Fact]
    public async Task WriteAsync_ActivityPointers_ReadsEveryActivityTable()
    {
        var (status, body) = await fixture.Host.GetJsonAsync("activitypointers?$select=subject,activitytypecode&$orderby=subject");
        status.ShouldBe(200, body.ToString());
        QueryFixture.Values(body, "subject").ShouldBe(["Call Contoso", "Email Fabrikam", "Visit Contoso"]);
        QueryFixture.Values(body, "activitytypecode").ShouldAllBe(t => t == "task");
    }

    [Fact]
    public async Task WriteAsync_IncludeAnnotations_EchoesPreferenceAndFormatsValues()
    {
        using var client = fixture.Host.Client(prefer: "odata.include-annotations=\"*\"");
        var response = await client.GetAsync($"accounts?$select=industrycode&$filter=accountid eq {fixture.Contoso.Id}");
        response.Headers.GetValues("Preference-Applied").ShouldContain("odata.include-annotations=\"*\"");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("value")[0].GetProperty("industrycode@OData.Community.Display.V1.FormattedValue").GetString().ShouldBe("Accounting");
    }
}
