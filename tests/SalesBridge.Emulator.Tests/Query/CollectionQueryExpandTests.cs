using System.Text.Json;

namespace SalesBridge.Emulator.Tests.Query;

[Collection("Query")]
public sealed class CollectionQueryExpandTests(QueryFixture fixture)
{
    private async Task<JsonElement> ContosoAsync(string options)
    {
        var (status, body) = await fixture.Host.GetJsonAsync($"accounts?$filter=accountid eq {fixture.Contoso.Id}&{options}");
        status.ShouldBe(200, body.ToString());
        return body;
    }

    [Fact]
    public async Task WriteAsync_ExpandSingleValuedWithSelect_WritesObjectWithoutEtag()
    {
        var body = await ContosoAsync("$select=name&$expand=primarycontactid($select=fullname)");
        body.GetProperty("@odata.context").GetString().ShouldEndWith("$metadata#accounts(name,primarycontactid(fullname))");
        var contact = body.GetProperty("value")[0].GetProperty("primarycontactid");
        contact.EnumerateObject().Select(p => p.Name).ShouldBe(["fullname", "contactid"]);
        contact.GetProperty("contactid").GetGuid().ShouldBe(fixture.Ann.Id);
    }

    [Fact]
    public async Task WriteAsync_ExpandSingleValuedWithoutValue_WritesNull()
    {
        var (_, body) = await fixture.Host.GetJsonAsync($"accounts?$select=name&$expand=primarycontactid($select=fullname)&$filter=accountid eq {fixture.Fabrikam.Id}");
        body.GetProperty("value")[0].GetProperty("primarycontactid").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task WriteAsync_ExpandCollectionWithNestedOptions_FiltersOrdersAndLimits()
    {
        var body = await ContosoAsync("$select=name&$expand=contact_customer_accounts($select=lastname;$orderby=lastname desc;$top=1)");
        var contacts = body.GetProperty("value")[0].GetProperty("contact_customer_accounts");
        contacts.GetArrayLength().ShouldBe(1);
        contacts[0].GetProperty("lastname").GetString().ShouldBe("Smith");
        contacts[0].TryGetProperty("@odata.etag", out _).ShouldBeTrue();

        body = await ContosoAsync("$select=name&$expand=contact_customer_accounts($select=lastname;$filter=startswith(lastname,'J'))");
        body.GetProperty("value")[0].GetProperty("contact_customer_accounts").EnumerateArray()
            .Select(c => c.GetProperty("lastname").GetString()).ShouldBe(["Jones"]);
    }

    [Fact]
    public async Task WriteAsync_ExpandActivityCollection_ReadsRegardingRows()
    {
        var body = await ContosoAsync("$select=name&$expand=Account_Tasks($select=subject;$orderby=subject)");
        body.GetProperty("value")[0].GetProperty("Account_Tasks").EnumerateArray()
            .Select(t => t.GetProperty("subject").GetString()).ShouldBe(["Call Contoso", "Visit Contoso"]);
    }

    [Fact]
    public async Task WriteAsync_ExpandUnknownNavigation_Returns400()
    {
        var (status, body) = await fixture.Host.GetJsonAsync("accounts?$expand=nosuchthing");
        status.ShouldBe(400);
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe("0x0");
    }

    [Fact]
    public async Task WriteAsync_ExpandedRowsOutsideReadScope_AreLeftOut()
    {
        var (_, body) = await fixture.Host.GetJsonAsync(
            "accounts?$select=name&$expand=contact_customer_accounts($select=lastname)", caller: "sales");
        body.GetProperty("value")[0].GetProperty("contact_customer_accounts").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task SingleRowQuery_SelectAndExpand_ShapeTheRetrievedRow()
    {
        var (status, body) = await fixture.Host.GetJsonAsync(
            $"accounts({fixture.Contoso.Id})?$select=name&$expand=contact_customer_accounts($select=lastname;$orderby=lastname)");
        status.ShouldBe(200, body.ToString());
        body.GetProperty("@odata.context").GetString()
            .ShouldBe($"{fixture.Host.Root}$metadata#accounts(name,contact_customer_accounts(lastname))/$entity");
        body.GetProperty("contact_customer_accounts").EnumerateArray().Select(c => c.GetProperty("lastname").GetString())
            .ShouldBe(["Jones", "Smith"]);
        body.TryGetProperty("revenue", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("$filter=name eq 'x'", "$filter")]
    [InlineData("$orderby=name", "$orderby")]
    [InlineData("$top=1", "$top")]
    public async Task SingleRowQuery_CollectionOptions_Returns400(string options, string option)
    {
        var (status, body) = await fixture.Host.GetJsonAsync($"accounts({fixture.Contoso.Id})?{options}");
        status.ShouldBe(400);
        body.GetProperty("error").GetProperty("message").GetString()!.ShouldContain(option);
    }

    [Fact]
    public async Task WriteAsync_NavigationCollection_UsesRestrictionAndContextPath()
    {
        var (_, body) = await fixture.Host.GetJsonAsync($"accounts({fixture.Contoso.Id})/contact_customer_accounts?$select=lastname&$orderby=lastname");
        body.GetProperty("@odata.context").GetString()
            .ShouldBe($"{fixture.Host.Root}$metadata#accounts({fixture.Contoso.Id})/contact_customer_accounts(lastname)");
        QueryFixture.Values(body, "lastname").ShouldBe(["Jones", "Smith"]);
    }

    [Fact]
    public async Task WriteAsync_ExpandManyToMany_ListsAssociatedRows()
    {
        var (status, body) = await fixture.Host.GetJsonAsync(
            $"systemusers?$select=fullname&$filter=systemuserid eq {fixture.Data.Admin.UserId}&$expand=systemuserroles_association($select=name)");
        status.ShouldBe(200, body.ToString());
        body.GetProperty("value")[0].GetProperty("systemuserroles_association").EnumerateArray()
            .Select(r => r.GetProperty("name").GetString()).ShouldBe(["Admin"]);
    }
}
