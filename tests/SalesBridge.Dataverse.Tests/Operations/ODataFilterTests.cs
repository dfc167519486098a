namespace SalesBridge.Dataverse.Tests.Operations;

public sealed class ODataFilterTests
{
    [Fact]
    public void Eq_StringWithQuotes_DoublesThem() =>
        ODataFilter.Eq("name", "O'Brien's").Text.ShouldBe("name eq 'O''Brien''s'");

    [Fact]
    public void Literals_GuidDateNumberBoolNull_AreODataLiterals()
    {
        var id = Guid.Parse("0d7e3f5a-2c1b-4a6d-9e8f-1a2b3c4d5e6f");
        ODataFilter.Eq("_parentcustomerid_value", id).Text.ShouldBe($"_parentcustomerid_value eq {id}");
        ODataFilter.Gt("modifiedon", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2))).Text.ShouldBe("modifiedon gt 2026-01-02T01:04:05Z");
        ODataFilter.Ge("estimatedvalue", 1234.5m).Text.ShouldBe("estimatedvalue ge 1234.5");
        ODataFilter.Eq("isdisabled", false).Text.ShouldBe("isdisabled eq false");
        ODataFilter.Ne("emailaddress1", null).Text.ShouldBe("emailaddress1 ne null");
    }

    [Fact]
    public void AndOrNotIn_ComposeWithParentheses()
    {
        var filter = ODataFilter.And(ODataFilter.Eq("statecode", 0), ODataFilter.Or(ODataFilter.Contains("name", "a"), ODataFilter.Not(ODataFilter.StartsWith("name", "b"))));

        filter.Text.ShouldBe("(statecode eq 0 and (contains(name,'a') or not (startswith(name,'b'))))");
        ODataFilter.In("salesstage", [1, 2]).Text.ShouldBe("(salesstage eq 1 or salesstage eq 2)");
        ODataFilter.In("salesstage", []).Text.ShouldBe("1 eq 0");
    }

    [Theory]
    [InlineData("name eq 'x'")]
    [InlineData("name)")]
    [InlineData("")]
    [InlineData("1name")]
    public void Column_NotAName_Throws(string column) => Should.Throw<ArgumentException>(() => ODataFilter.Eq(column, "x"));

    [Fact]
    public void Literal_UnsupportedType_Throws() => Should.Throw<ArgumentException>(() => ODataFilter.Literal(new object()));

    [Fact]
    public void EntityKey_AlternateWithQuote_EscapedInUrl() =>
        EntityKey.Alternate(("accountnumber", "A'1 /x")).ToUrlSegment().ShouldBe("(accountnumber=%27A%27%271%20%2Fx%27)");
}
