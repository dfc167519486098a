using System.Net;
using System.Text.Json;
using SalesBridge.Emulator.Store;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.Query;

/// <summary>
/// The query engine through the real emulator (routing, tokens, security). Each test creates accounts whose names
/// start with its own tag and filters on it, so the demo data and other tests do not matter.
/// </summary>
[Collection("Emulator")]
public sealed class EmulatorQueryTests(EmulatorFixture emulator)
{
    private static string Tag() => "Q" + Guid.NewGuid().ToString("N")[..10];

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private async Task<(HttpClient Client, string Tag, Guid[] Ids)> AccountsAsync(params object[] extra)
    {
        var client = await emulator.ClientAsync();
        var tag = Tag();
        var ids = new List<Guid>
        {
            await client.CreateAsync("accounts", new { name = $"{tag} Alpha", revenue = 100m, numberofemployees = 5 }),
            await client.CreateAsync("accounts", new { name = $"{tag} beta", revenue = 200m, numberofemployees = 50 }),
            await client.CreateAsync("accounts", new { name = $"{tag} O'Hara", numberofemployees = 500 }),
        };
        return (client, tag, ids.ToArray());
    }

    private static async Task<IReadOnlyList<string?>> NamesAsync(HttpClient client, string tag, string filter)
    {
        var response = await client.GetAsync($"accounts?$select=name&$orderby=name&$filter={Escape($"startswith(name,'{tag}') and ({filter})")}");
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("name").GetString()?[(tag.Length + 1)..]).ToArray();
    }

    [Fact]
    public async Task Get_FilterForms_SelectTheMatchingRows()
    {
        var (client, tag, ids) = await AccountsAsync();
        (await NamesAsync(client, tag, "name eq '" + tag + " ALPHA'")).ShouldBe(["Alpha"]);
        (await NamesAsync(client, tag, "name eq '" + tag + " O''Hara'")).ShouldBe(["O'Hara"]);
        (await NamesAsync(client, tag, "revenue ne null")).ShouldBe(["Alpha", "beta"]);
        (await NamesAsync(client, tag, "revenue eq null")).ShouldBe(["O'Hara"]);
        (await NamesAsync(client, tag, "revenue ne 100")).ShouldBe(["beta"]);
        (await NamesAsync(client, tag, "numberofemployees gt 5 and numberofemployees lt 500")).ShouldBe(["beta"]);
        (await NamesAsync(client, tag, "numberofemployees ge 500 or numberofemployees le 5")).ShouldBe(["Alpha", "O'Hara"]);
        (await NamesAsync(client, tag, "not contains(name,'ALP')")).ShouldBe(["beta", "O'Hara"]);
        (await NamesAsync(client, tag, "endswith(name,'HARA')")).ShouldBe(["O'Hara"]);
        (await NamesAsync(client, tag, $"accountid eq {ids[1]}")).ShouldBe(["beta"]);
        (await NamesAsync(client, tag, "createdon gt 2000-01-01")).Count.ShouldBe(3);
        (await NamesAsync(client, tag, $"Microsoft.Dynamics.CRM.In(PropertyName='accountid',PropertyValues=['{ids[0]}','{ids[2]}'])"))
            .ShouldBe(["Alpha", "O'Hara"]);
    }

    [Fact]
    public async Task Get_LookupValueFilterAndExpand_FollowRelationships()
    {
        var (client, tag, ids) = await AccountsAsync();
        var ann = await client.CreateAsync("contacts", new Dictionary<string, object>
        {
            ["lastname"] = "Ann", ["parentcustomerid_account@odata.bind"] = $"/accounts({ids[0]})",
        });
        await client.CreateAsync("contacts", new Dictionary<string, object>
        {
            ["lastname"] = "Bea", ["parentcustomerid_account@odata.bind"] = $"/accounts({ids[0]})",
        });
        (await client.SendAsync(Json(HttpMethod.Patch, $"accounts({ids[0]})",
            new Dictionary<string, object> { ["primarycontactid@odata.bind"] = $"/contacts({ann})" }))).EnsureSuccessStatusCode();

        var contacts = await (await client.GetAsync($"contacts?$select=lastname&$orderby=lastname&$filter=_parentcustomerid_value eq {ids[0]}")).JsonAsync();
        contacts.GetProperty("value").EnumerateArray().Select(c => c.GetProperty("lastname").GetString()).ShouldBe(["Ann", "Bea"]);

        var response = await client.GetAsync($"accounts?$select=name&$filter=accountid eq {ids[0]}" +
            "&$expand=primarycontactid($select=lastname),contact_customer_accounts($select=lastname;$orderby=lastname desc;$top=1)");
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("@odata.context").GetString()
            .ShouldBe($"{emulator.WebApi}$metadata#accounts(name,primarycontactid(lastname),contact_customer_accounts(lastname))");
        var account = body.GetProperty("value")[0];
        account.GetProperty("primarycontactid").GetProperty("contactid").GetGuid().ShouldBe(ann);
        account.GetProperty("contact_customer_accounts").EnumerateArray().Select(c => c.GetProperty("lastname").GetString()).ShouldBe(["Bea"]);
    }

    [Fact]
    public async Task Get_SelectUnknownColumn_Returns400WithODataMessage()
    {
        var client = await emulator.ClientAsync();
        var response = await client.GetAsync("accounts?$select=Name");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).ShouldBe(("0x0", "Could not find a property named 'Name' on type 'Microsoft.Dynamics.CRM.account'."));
    }

    [Fact]
    public async Task Get_OrderByTopAndCount_ShapeTheResult()
    {
        var (client, tag, _) = await AccountsAsync();
        var filter = Escape($"startswith(name,'{tag}')");
        var body = await (await client.GetAsync($"accounts?$select=name&$filter={filter}&$orderby=numberofemployees desc&$top=2&$count=true")).JsonAsync();
        body.GetProperty("@odata.count").GetInt32().ShouldBe(3);
        body.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ShouldBe([$"{tag} O'Hara", $"{tag} beta"]);
        body.TryGetProperty("@odata.nextLink", out _).ShouldBeFalse();
        (await client.GetStringAsync($"accounts/$count?$filter={filter}")).ShouldBe("3");
    }

    [Fact]
    public async Task Get_MaxPageSize_PagesEveryRowOnceAndEndsWithoutNextLink()
    {
        var (client, tag, ids) = await AccountsAsync();
        ids = [.. ids, await client.CreateAsync("accounts", new { name = $"{tag} Delta" }), await client.CreateAsync("accounts", new { name = $"{tag} Echo" })];
        var seen = new List<Guid>();
        var pages = 0;
        for (string? next = $"accounts?$select=name&$filter={Escape($"startswith(name,'{tag}')")}"; next is not null; pages++)
        {
            var response = await client.SendAsync(Json(HttpMethod.Get, next, null, ("Prefer", "odata.maxpagesize=2")));
            response.Headers.GetValues("Preference-Applied").ShouldContain("odata.maxpagesize=2");
            var body = await response.JsonAsync();
            seen.AddRange(body.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("accountid").GetGuid()));
            next = body.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            if (next is not null) next.ShouldStartWith(emulator.WebApi.ToString());
        }
        pages.ShouldBe(3);
        seen.ShouldBe(ids.Order().ToList());
    }

    [Fact]
    public async Task Get_GarbledSkipToken_Returns400()
    {
        var client = await emulator.ClientAsync();
        var response = await client.SendAsync(Json(HttpMethod.Get, "accounts?$select=name&$skiptoken=" + Escape("<cookie pagenumber=\"2\" pagingcookie=\"%%%\" />"),
            null, ("Prefer", "odata.maxpagesize=2")));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldContain("$skiptoken");
    }

    [Fact]
    public async Task Get_MaxPageSizeAbove5000_IsIgnored()
    {
        var client = await emulator.ClientAsync();
        var response = await client.SendAsync(Json(HttpMethod.Get, "accounts?$select=name&$top=1", null, ("Prefer", "odata.maxpagesize=5001")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Preference-Applied").ShouldBeFalse();
    }

    [Fact]
    public async Task Get_RowOutsideCallersBusinessUnit_IsInvisibleToSalesperson()
    {
        var tag = Tag();
        var hidden = Guid.NewGuid();
        emulator.Server.Org.Store.Write(scope =>
        {
            scope.Put(new EntityRow("account", hidden, new()
            {
                ["name"] = $"{tag} hidden", ["statecode"] = 0,
                ["ownerid"] = new EntityReference("systemuser", emulator.Admin.Id),
                ["owningbusinessunit"] = new EntityReference("businessunit", Guid.NewGuid()),
            }) { Version = scope.NextVersion() });
            return 0;
        });
        var filter = $"accounts?$select=name&$filter={Escape($"startswith(name,'{tag}')")}";
        var admin = await (await (await emulator.ClientAsync(emulator.Admin)).GetAsync(filter)).JsonAsync();
        admin.GetProperty("value").GetArrayLength().ShouldBe(1);
        var sales = await emulator.ClientAsync(emulator.Salesperson);
        var body = await (await sales.GetAsync(filter)).JsonAsync();
        body.GetProperty("value").GetArrayLength().ShouldBe(0, body.ToString());
        (await sales.GetStringAsync($"accounts/$count?$filter={Escape($"startswith(name,'{tag}')")}")).ShouldBe("0");
    }
}
