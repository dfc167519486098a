using System.Net;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.WebApi;

[Collection("Emulator")]
public sealed class RetrieveTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Retrieve_ById_ReturnsRowWithEtagAndContext()
    {
        var client = await emulator.ClientAsync();
        var id = await client.CreateAsync("accounts", new { name = "Litware" });

        var response = await client.GetAsync($"accounts({id})");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body.GetProperty("@odata.context").GetString().ShouldStartWith(emulator.WebApi + "$metadata#accounts");
        body.GetProperty("accountid").GetGuid().ShouldBe(id);
        body.GetProperty("name").GetString().ShouldBe("Litware");
        var etag = body.GetProperty("@odata.etag").GetString()!;
        etag.ShouldMatch("^W/\"\\d+\"$");
        response.Headers.ETag!.ToString().ShouldBe(etag);
    }

    [Fact]
    public async Task Retrieve_ByAlternateKey_FindsRow()
    {
        var client = await emulator.ClientAsync();
        var number = Unique("AK");
        var id = await client.CreateAsync("accounts", new { name = "Keyed", accountnumber = number });

        var body = await (await client.GetAsync($"accounts(accountnumber='{number}')")).JsonAsync();

        body.GetProperty("accountid").GetGuid().ShouldBe(id);
    }

    [Fact]
    public async Task Retrieve_MissingRow_Returns404WithDocumentedMessage()
    {
        var client = await emulator.ClientAsync();
        var id = Guid.NewGuid();

        var response = await client.GetAsync($"contacts({id})");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ErrorAsync()).ShouldBe(("0x80040217", $"contact With Id = {id} Does Not Exist"));
    }

    [Fact]
    public async Task Retrieve_BadGuid_Returns400()
    {
        var client = await emulator.ClientAsync();

        var response = await client.GetAsync("accounts(not-a-guid)");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldContain("not-a-guid");
    }

    [Fact]
    public async Task Retrieve_IfNoneMatchCurrentEtag_Returns304()
    {
        var client = await emulator.ClientAsync();
        var id = await client.CreateAsync("accounts", new { name = "Cached" });
        var etag = (await (await client.GetAsync($"accounts({id})")).JsonAsync()).GetProperty("@odata.etag").GetString()!;

        var unchanged = await client.SendAsync(Json(HttpMethod.Get, $"accounts({id})", null, ("If-None-Match", etag)));
        await client.SendAsync(Json(HttpMethod.Patch, $"accounts({id})", new { name = "Changed" }));
        var changed = await client.SendAsync(Json(HttpMethod.Get, $"accounts({id})", null, ("If-None-Match", etag)));

        unchanged.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Retrieve_WithAnnotations_LookupCarriesNameTableAndNavigation()
    {
        var client = await emulator.ClientAsync();
        var account = await client.CreateAsync("accounts", new { name = "Parent Co" });
        var contact = await client.CreateAsync("contacts", new Dictionary<string, object>
        {
            ["lastname"] = "Child", ["parentcustomerid_account@odata.bind"] = $"/accounts({account})",
        });

        var response = await client.SendAsync(Json(HttpMethod.Get, $"contacts({contact})", null, ("Prefer", "odata.include-annotations=\"*\"")));

        var body = await response.JsonAsync();
        body.GetProperty("_parentcustomerid_value").GetGuid().ShouldBe(account);
        body.GetProperty("_parentcustomerid_value@OData.Community.Display.V1.FormattedValue").GetString().ShouldBe("Parent Co");
        body.GetProperty("_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname").GetString().ShouldBe("account");
        body.GetProperty("_parentcustomerid_value@Microsoft.Dynamics.CRM.associatednavigationproperty").GetString().ShouldBe("parentcustomerid_account");
        body.GetProperty("statecode@OData.Community.Display.V1.FormattedValue").GetString().ShouldBe("Active");
        response.Headers.GetValues("Preference-Applied").ShouldContain(v => v.Contains("odata.include-annotations"));
    }

    [Fact]
    public async Task Retrieve_WithoutAnnotations_HasNoAnnotationMembers()
    {
        var client = await emulator.ClientAsync();
        var id = await client.CreateAsync("accounts", new { name = "Plain", industrycode = 7 });

        var text = await (await client.GetAsync($"accounts({id})")).Content.ReadAsStringAsync();

        text.ShouldNotContain("FormattedValue");
        text.ShouldContain("\"industrycode\":7");
    }

    [Fact]
    public async Task RetrieveProperty_SingleColumn_ReturnsValueAndRawValue()
    {
        var client = await emulator.ClientAsync();
        var id = await client.CreateAsync("accounts", new { name = "O'Brien & Sons" });

        var json = await (await client.GetAsync($"accounts({id})/name")).JsonAsync();
        var raw = await (await client.GetAsync($"accounts({id})/name/$value")).Content.ReadAsStringAsync();

        json.GetProperty("value").GetString().ShouldBe("O'Brien & Sons");
        raw.ShouldBe("O'Brien & Sons");
    }

    [Fact]
    public async Task Retrieve_SingleValuedNavigation_ReturnsRelatedRow()
    {
        var client = await emulator.ClientAsync();
        var contact = await client.CreateAsync("contacts", new { lastname = "Primary" });
        var account = await client.CreateAsync("accounts", new Dictionary<string, object>
        {
            ["name"] = "With primary", ["primarycontactid@odata.bind"] = $"contacts({contact})",
        });

        var body = await (await client.GetAsync($"accounts({account})/primarycontactid")).JsonAsync();

        body.GetProperty("contactid").GetGuid().ShouldBe(contact);
    }
}
