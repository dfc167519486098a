using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using SalesBridge.Emulator.Store;
using SalesBridge.Emulator.Tests.Infrastructure;

namespace SalesBridge.Emulator.Tests.FetchXml;

[Collection("Emulator")]
public sealed class FetchXmlHttpTests(EmulatorFixture emulator)
{
    private const string PagingAnnotations = "odata.include-annotations=\"Microsoft.Dynamics.CRM.fetchxmlpagingcookie,Microsoft.Dynamics.CRM.morerecords\"";

    // Rows of this test run only, so that the demo world's own rows do not disturb the assertions.
    private readonly string _prefix = "fx" + Guid.NewGuid().ToString("N")[..8];

    private Guid PutAccount(string name, Guid? primaryContact = null)
    {
        var id = Guid.NewGuid();
        var org = emulator.Server.Org;
        org.Store.Write(scope =>
        {
            scope.Put(new EntityRow("account", id, new()
            {
                ["name"] = _prefix + name,
                ["primarycontactid"] = primaryContact is { } c ? new EntityReference("contact", c) : null,
                ["ownerid"] = new EntityReference("systemuser", emulator.Admin.Id),
                ["owningbusinessunit"] = new EntityReference("businessunit", org.RootBusinessUnitId),
            }) { Version = scope.NextVersion() });
            return 0;
        });
        return id;
    }

    private Guid PutContact(string fullname)
    {
        var id = Guid.NewGuid();
        emulator.Server.Org.Store.Write(scope =>
        {
            scope.Put(new EntityRow("contact", id, new()
            {
                ["fullname"] = fullname, ["lastname"] = fullname,
                ["ownerid"] = new EntityReference("systemuser", emulator.Admin.Id),
            }) { Version = scope.NextVersion() });
            return 0;
        });
        return id;
    }

    private string Mine(string extra = "", string fetchAttributes = "") =>
        $"<fetch{fetchAttributes}><entity name='account'><attribute name='name'/><order attribute='name'/>" +
        $"<filter><condition attribute='name' operator='like' value='{_prefix}%'/></filter>{extra}</entity></fetch>";

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(
        string set, string fetchXml, string? prefer = null, HttpClient? client = null)
    {
        client ??= await emulator.ClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{set}?fetchXml={Uri.EscapeDataString(fetchXml)}");
        if (prefer is not null) request.Headers.Add("Prefer", prefer);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    private string[] Names(JsonElement body) =>
        body.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("name").GetString()![_prefix.Length..]).ToArray();

    [Fact]
    public async Task GetFetchXml_Filter_ReturnsRowsAsJson()
    {
        var id = PutAccount("Alpha");
        PutAccount("Beta");

        var (status, body, response) = await GetAsync("accounts", Mine());

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        body.GetProperty("@odata.context").GetString().ShouldEndWith("$metadata#accounts(name,accountid)");
        Names(body).ShouldBe(["Alpha", "Beta"]);
        body.GetProperty("value")[0].GetProperty("accountid").GetGuid().ShouldBe(id);
    }

    [Fact]
    public async Task GetFetchXml_PagingCookie_WalksAllPagesAndOmitsAnnotationsOnLastPage()
    {
        foreach (var name in new[] { "A", "B", "C" }) PutAccount(name);

        var (_, first, response) = await GetAsync("accounts", Mine(fetchAttributes: " count='2' page='1'"), PagingAnnotations);
        var cookie = XElement.Parse(first.GetProperty("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").GetString()!);
        var inner = Uri.UnescapeDataString(Uri.UnescapeDataString(cookie.Attribute("pagingcookie")!.Value));
        var (_, second, _) = await GetAsync("accounts",
            Mine(fetchAttributes: $" count='2' page='2' paging-cookie='{System.Security.SecurityElement.Escape(inner)}'"), PagingAnnotations);

        Names(first).ShouldBe(["A", "B"]);
        first.GetProperty("@Microsoft.Dynamics.CRM.morerecords").GetBoolean().ShouldBeTrue();
        response.Headers.GetValues("Preference-Applied").ShouldContain(v => v.Contains("fetchxmlpagingcookie"));
        Names(second).ShouldBe(["C"]);
        second.TryGetProperty("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie", out _).ShouldBeFalse();
        second.TryGetProperty("@Microsoft.Dynamics.CRM.morerecords", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task GetFetchXml_LinkEntity_ReturnsAliasedColumns()
    {
        var contact = PutContact(_prefix + "Ann");
        PutAccount("Linked", contact);

        var (status, body, _) = await GetAsync("accounts",
            Mine("<link-entity name='contact' from='contactid' to='primarycontactid' alias='pc'><attribute name='fullname'/></link-entity>"));

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("value").EnumerateArray().Single().GetProperty("pc.fullname").GetString().ShouldBe(_prefix + "Ann");
    }

    [Theory]
    [InlineData("accounts", "<fetch><entity name='account'>", "0x80040201")]
    [InlineData("accounts", "<fetch><entity name='account'><attribute name='nope'/></entity></fetch>", "0x80041103")]
    [InlineData("accounts", "<fetch><entity name='account'><filter><condition attribute='name' operator='contains' value='x'/></filter></entity></fetch>", "0x80041120")]
    [InlineData("accounts", "<fetch><entity name='contact'/></fetch>", "0x80041128")]
    public async Task GetFetchXml_BadQuery_Returns400WithDataverseError(string set, string fetchXml, string code)
    {
        var (status, body, _) = await GetAsync(set, fetchXml);

        status.ShouldBe(HttpStatusCode.BadRequest, body.ToString());
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe(code);
    }

    [Fact]
    public async Task GetFetchXml_CallerWithoutReadPrivilege_Returns403()
    {
        var client = await emulator.ClientAsync(emulator.RestrictedSalesperson);

        var (status, body, _) = await GetAsync("opportunities", "<fetch><entity name='opportunity'><attribute name='name'/></entity></fetch>", client: client);

        status.ShouldBe(HttpStatusCode.Forbidden, body.ToString());
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe("0x80040220");
    }
}
