using System.Text.Json;
using SalesBridge.Emulator.FetchXml;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Tests.FetchXml;

public sealed class FetchXmlQueryTests
{
    private readonly SeededOrg _org = new();

    private Guid Account(string name, string? city = null, int? industry = null, Guid? primaryContact = null, Guid? owner = null)
    {
        var id = Guid.NewGuid();
        _org.Put("account", id, new()
        {
            ["name"] = name, ["address1_city"] = city, ["industrycode"] = industry,
            ["primarycontactid"] = primaryContact is { } c ? new EntityReference("contact", c) : null,
            ["ownerid"] = new EntityReference("systemuser", owner ?? _org.UserId),
            ["owningbusinessunit"] = new EntityReference("businessunit", _org.BusinessUnitId),
        });
        return id;
    }

    private Guid Contact(string fullname, Guid? parent = null)
    {
        var id = Guid.NewGuid();
        _org.Put("contact", id, new()
        {
            ["fullname"] = fullname, ["lastname"] = fullname,
            ["parentcustomerid"] = parent is { } p ? new EntityReference("account", p) : null,
            ["ownerid"] = new EntityReference("systemuser", _org.UserId),
        });
        return id;
    }

    private Task<SeededOrg.Response> Fetch(string fetchXml, string set = "accounts", string? prefer = null, string query = "") =>
        _org.SendAsync(r => FetchXmlQuery.WriteAsync(r, _org.Org.Schema.FindBySetName(set)!, fetchXml), query, prefer);

    private static string[] Names(SeededOrg.Response response) =>
        response.Value.Select(v => v.GetProperty("name").GetString()!).ToArray();

    [Fact]
    public async Task WriteAsync_EqCondition_ReturnsMatchingRowsWithKeyAndWithoutNulls()
    {
        var id = Account("Contoso", "Redmond");
        Account("Fabrikam", "Seattle");

        var response = await Fetch("<fetch><entity name='account'><attribute name='name'/><attribute name='telephone1'/>" +
            "<filter><condition attribute='address1_city' operator='eq' value='redmond'/></filter></entity></fetch>");

        response.Status.ShouldBe(200);
        response.Body.GetProperty("@odata.context").GetString().ShouldBe(SeededOrg.ServiceRoot + "$metadata#accounts(name,telephone1,accountid)");
        var row = response.Value.ShouldHaveSingleItem();
        row.GetProperty("name").GetString().ShouldBe("Contoso");
        row.GetProperty("accountid").GetGuid().ShouldBe(id);
        row.GetProperty("@odata.etag").GetString().ShouldStartWith("W/\"");
        row.TryGetProperty("telephone1", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("like", "con%", new[] { "Consolidated", "Contoso" })]
    [InlineData("like", "%os_", new[] { "Contoso" })]
    [InlineData("not-like", "%o%", new[] { "Fabrikam" })]
    [InlineData("begins-with", "CON", new[] { "Consolidated", "Contoso" })]
    [InlineData("ends-with", "ted", new[] { "Consolidated" })]
    [InlineData("ne", "Contoso", new[] { "Consolidated", "Fabrikam" })]
    [InlineData("gt", "D", new[] { "Fabrikam" })]
    public async Task WriteAsync_StringOperators_MatchCaseInsensitively(string op, string value, string[] expected)
    {
        Account("Contoso");
        Account("Consolidated");
        Account("Fabrikam");

        var response = await Fetch($"<fetch><entity name='account'><attribute name='name'/><order attribute='name'/>" +
            $"<filter><condition attribute='name' operator='{op}' value='{value}'/></filter></entity></fetch>");

        Names(response).ShouldBe(expected);
    }

    [Fact]
    public async Task WriteAsync_InNotInNullAndNestedOr_CombineAsSql()
    {
        Account("A", "Paris", 1);
        Account("B", "Oslo", 2);
        Account("C", null, 3);
        Account("D", "Rome", null);

        var inCities = await Fetch("<fetch><entity name='account'><attribute name='name'/><order attribute='name'/><filter>" +
            "<condition attribute='address1_city' operator='in'><value>paris</value><value>Rome</value></condition></filter></entity></fetch>");
        var notIn = await Fetch("<fetch><entity name='account'><attribute name='name'/><order attribute='name'/><filter>" +
            "<condition attribute='industrycode' operator='not-in'><value>1</value></condition></filter></entity></fetch>");
        var nullOrOslo = await Fetch("<fetch><entity name='account'><attribute name='name'/><order attribute='name'/><filter type='or'>" +
            "<condition attribute='address1_city' operator='null'/>" +
            "<filter><condition attribute='address1_city' operator='eq' value='Oslo'/><condition attribute='industrycode' operator='eq' value='2'/></filter>" +
            "</filter></entity></fetch>");

        Names(inCities).ShouldBe(["A", "D"]);
        Names(notIn).ShouldBe(["B", "C"]); // a null column satisfies no comparison
        Names(nullOrOslo).ShouldBe(["B", "C"]);
    }

    [Fact]
    public async Task WriteAsync_LookupCondition_ComparesByGuidAndReturnsValueProperty()
    {
        var contact = Contact("Ann");
        Account("With contact", primaryContact: contact);
        Account("Without");

        var response = await Fetch("<fetch><entity name='account'><attribute name='name'/><attribute name='primarycontactid'/><filter>" +
            $"<condition attribute='primarycontactid' operator='eq' value='{{{contact.ToString().ToUpperInvariant()}}}'/></filter></entity></fetch>",
            prefer: "odata.include-annotations=\"*\"");

        var row = response.Value.ShouldHaveSingleItem();
        row.GetProperty("_primarycontactid_value").GetGuid().ShouldBe(contact);
        row.GetProperty("_primarycontactid_value@OData.Community.Display.V1.FormattedValue").GetString().ShouldBe("Ann");
    }

    [Fact]
    public async Task WriteAsync_OrderOnChoice_SortsByLabelUnlessRaw()
    {
        Account("Wholesale", industry: 33); // label "Wholesale"
        Account("Accounting", industry: 1); // label "Accounting"
        Account("Brokers", industry: 4);    // label "Brokers"

        var byLabel = await Fetch("<fetch><entity name='account'><attribute name='name'/><order attribute='industrycode' descending='true'/></entity></fetch>");
        var raw = await Fetch("<fetch useraworderby='true'><entity name='account'><attribute name='name'/><order attribute='industrycode'/></entity></fetch>");

        Names(byLabel).ShouldBe(["Wholesale", "Brokers", "Accounting"]);
        Names(raw).ShouldBe(["Accounting", "Brokers", "Wholesale"]);
    }

    [Fact]
    public async Task WriteAsync_InnerAndOuterLinks_ReturnAliasedColumnsAndKeepUnmatchedOnOuter()
    {
        var ann = Contact("Ann");
        Account("Contoso", primaryContact: ann);
        Account("Lonely");

        var inner = await Fetch("<fetch><entity name='account'><attribute name='name'/><order attribute='name'/>" +
            "<link-entity name='contact' from='contactid' to='primarycontactid' alias='pc'><attribute name='fullname'/></link-entity></entity></fetch>");
        var outer = await Fetch("<fetch><entity name='account'><attribute name='name'/><order attribute='name'/>" +
            "<link-entity name='contact' from='contactid' to='primarycontactid' link-type='outer'><attribute name='fullname' alias='who'/></link-entity></entity></fetch>");

        var row = inner.Value.ShouldHaveSingleItem();
        row.GetProperty("pc.fullname").GetString().ShouldBe("Ann");
        Names(outer).ShouldBe(["Contoso", "Lonely"]);
        outer.Value[0].GetProperty("contact.who").GetString().ShouldBe("Ann"); // many-to-one links default to the table name
        outer.Value[1].TryGetProperty("contact.who", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task WriteAsync_OneToManyLinkWithEntityNameCondition_FiltersOnLinkedRows()
    {
        var contoso = Account("Contoso");
        var fabrikam = Account("Fabrikam");
        Contact("Ann", contoso);
        Contact("Bob", contoso);
        Contact("Cid", fabrikam);

        var response = await Fetch("<fetch distinct='true'><entity name='account'><attribute name='name'/>" +
            "<filter><condition entityname='kids' attribute='fullname' operator='eq' value='Cid'/></filter>" +
            "<link-entity name='contact' from='parentcustomerid' to='accountid' alias='kids'/></entity></fetch>");
        var unaliased = await Fetch("<fetch><entity name='account'><attribute name='name'/><order attribute='name'/>" +
            "<link-entity name='contact' from='parentcustomerid' to='accountid'><attribute name='fullname'/><order attribute='fullname'/></link-entity></entity></fetch>");

        Names(response).ShouldBe(["Fabrikam"]);
        response.Value[0].TryGetProperty("accountid", out _).ShouldBeFalse(); // a key would defeat distinct
        unaliased.Value.Select(v => v.GetProperty("contact1.fullname").GetString()).ShouldBe(["Ann", "Bob", "Cid"]);
    }

    [Fact]
    public async Task WriteAsync_Distinct_RemovesDuplicateJoinedRows()
    {
        var contoso = Account("Contoso");
        Contact("Ann", contoso);
        Contact("Bob", contoso);

        var plain = await Fetch("<fetch><entity name='account'><attribute name='name'/>" +
            "<link-entity name='contact' from='parentcustomerid' to='accountid' alias='kids'/></entity></fetch>");
        var distinct = await Fetch("<fetch distinct='true'><entity name='account'><attribute name='name'/>" +
            "<link-entity name='contact' from='parentcustomerid' to='accountid' alias='kids'/></entity></fetch>");

        Names(plain).ShouldBe(["Contoso", "Contoso"]);
        Names(distinct).ShouldBe(["Contoso"]);
    }

    [Fact]
    public async Task WriteAsync_PagingCookieRequested_ReturnsDoubleEncodedCookieAndResumesAfterLastKey()
    {
        foreach (var name in new[] { "E", "D", "C", "B", "A" }) Account(name);
        const string prefer = "odata.include-annotations=\"Microsoft.Dynamics.CRM.fetchxmlpagingcookie,Microsoft.Dynamics.CRM.morerecords\"";
        const string query = "<entity name='account'><attribute name='name'/><order attribute='name'/></entity></fetch>";

        var first = await Fetch("<fetch count='2' page='1'>" + query, prefer: prefer);
        var annotation = first.Body.GetProperty("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").GetString()!;
        var cookie = System.Xml.Linq.XElement.Parse(annotation);
        var inner = Uri.UnescapeDataString(Uri.UnescapeDataString(cookie.Attribute("pagingcookie")!.Value));
        Account("AA"); // sorts inside the first page; the cookie must not make the next page repeat or skip a row
        var second = await Fetch($"<fetch count='2' page='2' paging-cookie='{System.Security.SecurityElement.Escape(inner)}'>" + query, prefer: prefer);
        var innerTwo = Uri.UnescapeDataString(Uri.UnescapeDataString(System.Xml.Linq.XElement.Parse(
            second.Body.GetProperty("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").GetString()!).Attribute("pagingcookie")!.Value));
        var last = await Fetch($"<fetch count='2' page='3' paging-cookie='{System.Security.SecurityElement.Escape(innerTwo)}'>" + query, prefer: prefer);

        Names(first).ShouldBe(["A", "B"]);
        first.Body.GetProperty("@Microsoft.Dynamics.CRM.morerecords").GetBoolean().ShouldBeTrue();
        cookie.Attribute("pagenumber")!.Value.ShouldBe("2");
        cookie.Attribute("istracking")!.Value.ShouldBe("False");
        cookie.Attribute("pagingcookie")!.Value.ShouldContain("%253ccookie%2520page%253d%25221%2522%253e");
        inner.ShouldStartWith("<cookie page=\"1\"><name last=\"B\" first=\"A\" /><accountid last=\"{");
        Names(second).ShouldBe(["C", "D"]);
        Names(last).ShouldBe(["E"]);
        last.Body.TryGetProperty("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie", out _).ShouldBeFalse();
        last.Body.TryGetProperty("@Microsoft.Dynamics.CRM.morerecords", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task WriteAsync_NoAnnotationsPreferred_OmitsPagingAnnotations()
    {
        Account("A");
        Account("B");

        var response = await Fetch("<fetch count='1' page='1'><entity name='account'><attribute name='name'/></entity></fetch>");

        response.Value.Length.ShouldBe(1);
        response.Body.TryGetProperty("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie", out _).ShouldBeFalse();
        response.Body.TryGetProperty("@Microsoft.Dynamics.CRM.morerecords", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task WriteAsync_SimplePagingPast50000Rows_Fails()
    {
        Account("A");

        var fault = await Should.ThrowAsync<DataverseFault>(() =>
            Fetch("<fetch count='5000' page='11'><entity name='account'><attribute name='name'/></entity></fetch>"));

        fault.Status.ShouldBe(400);
        fault.Message.ShouldContain("50,000");
    }

    [Fact]
    public async Task WriteAsync_TopAndTotalCount_LimitRowsAndCount()
    {
        foreach (var name in new[] { "A", "B", "C" }) Account(name);

        var top = await Fetch("<fetch top='2'><entity name='account'><attribute name='name'/><order attribute='name'/></entity></fetch>");
        var counted = await Fetch("<fetch count='1' returntotalrecordcount='true'><entity name='account'><attribute name='name'/></entity></fetch>",
            prefer: "odata.include-annotations=\"*\"");

        Names(top).ShouldBe(["A", "B"]);
        counted.Body.GetProperty("@odata.count").GetInt32().ShouldBe(3);
        counted.Body.GetProperty("@Microsoft.Dynamics.CRM.totalrecordcount").GetInt32().ShouldBe(3);
        counted.Body.GetProperty("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task WriteAsync_DateOperators_CompareDays()
    {
        _org.Put("opportunity", Guid.NewGuid(), new() { ["name"] = "Early", ["estimatedclosedate"] = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero) });
        _org.Put("opportunity", Guid.NewGuid(), new() { ["name"] = "Late", ["estimatedclosedate"] = new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero) });

        var onOrAfter = await Fetch("<fetch><entity name='opportunity'><attribute name='name'/><filter>" +
            "<condition attribute='estimatedclosedate' operator='on-or-after' value='2026-03-02'/></filter></entity></fetch>", "opportunities");
        var on = await Fetch("<fetch><entity name='opportunity'><attribute name='name'/><filter>" +
            "<condition attribute='estimatedclosedate' operator='on' value='2026-03-01'/></filter></entity></fetch>", "opportunities");

        Names(onOrAfter).ShouldBe(["Late"]);
        Names(on).ShouldBe(["Early"]);
    }

    [Fact]
    public async Task WriteAsync_BasicReadDepth_ReturnsOnlyOwnRows()
    {
        var scoped = new SeededOrg(Security.PrivilegeDepth.Basic);
        var stranger = Guid.NewGuid();
        scoped.Put("account", Guid.NewGuid(), new() { ["name"] = "Mine", ["ownerid"] = new EntityReference("systemuser", scoped.UserId) });
        scoped.Put("account", Guid.NewGuid(), new() { ["name"] = "Theirs", ["ownerid"] = new EntityReference("systemuser", stranger) });

        var response = await scoped.SendAsync(r => FetchXmlQuery.WriteAsync(r, scoped.Org.Schema.FindTable("account")!,
            "<fetch><entity name='account'><attribute name='name'/></entity></fetch>"));

        Names(response).ShouldBe(["Mine"]);
    }

    [Theory]
    [InlineData("<fetch><entity name='account'>", "0x80040201", "not valid XML")]
    [InlineData("<fetch><entity name='account'><attribute name='nope'/></entity></fetch>", "0x80041103", "'Account' entity doesn't contain attribute with Name = 'nope'")]
    [InlineData("<fetch><entity name='widget'/></fetch>", "0x80041102", "The entity with a name = 'widget'")]
    [InlineData("<fetch><entity name='account'><filter><condition attribute='name' operator='contains' value='x'/></filter></entity></fetch>", "0x80041120", "Unknown Condition Operator: contains")]
    [InlineData("<fetch><entity name='contact'/></fetch>", "0x80041128", "does not match the entity set 'accounts'")]
    [InlineData("<fetch count='5001'><entity name='account'/></fetch>", "0x8004110c", "cannot exceed 5000")]
    [InlineData("<fetch><entity name='account'><filter><condition attribute='industrycode' operator='eq' value='abc'/></filter></entity></fetch>", "0x80041108", "'abc'")]
    [InlineData("<fetch><entity name='account'><sort/></entity></fetch>", "0x8004111c", "Invalid Child Node")]
    [InlineData("<fetch><entity name='account'><filter><condition attribute='name' operator='in'/></filter></entity></fetch>", "0x80041108", "one or more values")]
    public async Task WriteAsync_BadQuery_Returns400WithDataverseCode(string fetchXml, string code, string message)
    {
        var fault = await Should.ThrowAsync<DataverseFault>(() => Fetch(fetchXml));

        fault.Status.ShouldBe(400);
        fault.Code.ShouldBe(code);
        fault.Message.ShouldContain(message);
    }
}
