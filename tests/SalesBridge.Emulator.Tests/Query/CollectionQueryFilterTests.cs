namespace SalesBridge.Emulator.Tests.Query;

[Collection("Query")]
public sealed class CollectionQueryFilterTests(QueryFixture fixture)
{
    private async Task<IReadOnlyList<string?>> AccountNames(string filter)
    {
        var (status, body) = await fixture.Host.GetJsonAsync("accounts?$select=name&$orderby=name&$filter=" + Uri.EscapeDataString(filter));
        status.ShouldBe(200, body.ToString());
        return QueryFixture.Values(body, "name");
    }

    [Fact]
    public async Task WriteAsync_FilterEqOnString_MatchesCaseInsensitively() =>
        (await AccountNames("name eq 'CONTOSO'")).ShouldBe(["Contoso"]);

    [Fact]
    public async Task WriteAsync_FilterNe_ExcludesMatchAndNulls() =>
        (await AccountNames("revenue ne 1000")).ShouldBe(["Fabrikam"]);

    [Fact]
    public async Task WriteAsync_FilterNumberComparisons_UseNumericOrder()
    {
        (await AccountNames("numberofemployees gt 10")).ShouldBe(["Contoso", "contoso east"]);
        (await AccountNames("numberofemployees ge 10 and numberofemployees le 20")).ShouldBe(["contoso east", "Fabrikam"]);
        (await AccountNames("numberofemployees lt 10")).ShouldBe(["O'Brien Ltd"]);
    }

    [Fact]
    public async Task WriteAsync_FilterDecimalLiteral_ComparesMoney() =>
        (await AccountNames("revenue gt 250.25")).ShouldBe(["Contoso", "Fabrikam"]);

    [Fact]
    public async Task WriteAsync_FilterOrNotAndParentheses_Combine() =>
        (await AccountNames("not (name eq 'Fabrikam') and (numberofemployees eq 5 or numberofemployees eq 50)")).ShouldBe(["Contoso", "O'Brien Ltd"]);

    [Fact]
    public async Task WriteAsync_FilterStringFunctions_MatchCaseInsensitively()
    {
        (await AccountNames("contains(name,'OSO')")).ShouldBe(["Contoso", "contoso east"]);
        (await AccountNames("startswith(name,'fab')")).ShouldBe(["Fabrikam"]);
        (await AccountNames("endswith(name,'EAST')")).ShouldBe(["contoso east"]);
    }

    [Fact]
    public async Task WriteAsync_FilterNullComparisons_OnlyEqAndNeNullMatchNulls()
    {
        (await AccountNames("revenue eq null")).ShouldBe(["contoso east", "O'Brien Ltd"]);
        (await AccountNames("revenue ne null")).ShouldBe(["Contoso", "Fabrikam"]);
        (await AccountNames("revenue lt 100000")).ShouldBe(["Contoso", "Fabrikam"]);
    }

    [Fact]
    public async Task WriteAsync_FilterEscapedQuote_MatchesApostrophe() =>
        (await AccountNames("name eq 'O''Brien Ltd'")).ShouldBe(["O'Brien Ltd"]);

    [Fact]
    public async Task WriteAsync_FilterGuidAndLookupValue_MatchById()
    {
        (await AccountNames($"accountid eq {fixture.Fabrikam.Id}")).ShouldBe(["Fabrikam"]);
        var (_, body) = await fixture.Host.GetJsonAsync(
            $"contacts?$select=lastname&$orderby=lastname&$filter=_parentcustomerid_value eq {fixture.Contoso.Id}");
        QueryFixture.Values(body, "lastname").ShouldBe(["Jones", "Smith"]);
    }

    [Fact]
    public async Task WriteAsync_FilterDateLiterals_CompareWithDateTimeOffset()
    {
        (await AccountNames("createdon gt 2024-02-01")).ShouldBe(["Fabrikam"]);
        (await AccountNames("createdon lt 2024-01-10T09:00:00Z")).ShouldBe(["Contoso"]);
    }

    [Fact]
    public async Task WriteAsync_FilterInFunction_MatchesListedValues()
    {
        (await AccountNames("Microsoft.Dynamics.CRM.In(PropertyName='name',PropertyValues=['fabrikam','Contoso'])")).ShouldBe(["Contoso", "Fabrikam"]);
        (await AccountNames("name in ('fabrikam','O''Brien Ltd')")).ShouldBe(["Fabrikam", "O'Brien Ltd"]);
    }

    [Fact]
    public async Task WriteAsync_FilterUnknownProperty_Returns400WithODataMessage()
    {
        var (status, body) = await fixture.Host.GetJsonAsync("accounts?$filter=Name eq 'x'");
        status.ShouldBe(400);
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe("0x0");
        body.GetProperty("error").GetProperty("message").GetString()
            .ShouldBe("Could not find a property named 'Name' on type 'Microsoft.Dynamics.CRM.account'.");
    }

    [Fact]
    public async Task WriteAsync_FilterSyntaxError_Returns400WithParserMessage()
    {
        var (status, body) = await fixture.Host.GetJsonAsync("accounts?$filter=" + Uri.EscapeDataString("name eqq 'x'"));
        status.ShouldBe(400);
        body.GetProperty("error").GetProperty("message").GetString()!.ShouldStartWith("Syntax error at position");
    }

    [Fact]
    public async Task WriteAsync_Skip_Returns400NotSupported()
    {
        var (status, body) = await fixture.Host.GetJsonAsync("accounts?$skip=2");
        status.ShouldBe(400);
        body.GetProperty("error").GetProperty("message").GetString().ShouldBe("The query parameter $skip is not supported");
    }

    [Fact]
    public async Task WriteAsync_ParameterAliases_AreResolved()
    {
        var (status, body) = await fixture.Host.GetJsonAsync("accounts?$select=name&$filter=@p1 eq @p2&@p1=name&@p2='Fabrikam'");
        status.ShouldBe(200, body.ToString());
        QueryFixture.Values(body, "name").ShouldBe(["Fabrikam"]);
    }

    [Fact]
    public async Task WriteAsync_FilterAnyAndAll_TestRelatedRows()
    {
        (await AccountNames("contact_customer_accounts/any(c:c/lastname eq 'jones')")).ShouldBe(["Contoso"]);
        (await AccountNames("contact_customer_accounts/any()")).ShouldBe(["Contoso", "Fabrikam"]);
        (await AccountNames("contact_customer_accounts/all(c:startswith(c/lastname,'C'))")).ShouldBe(["contoso east", "Fabrikam", "O'Brien Ltd"]);
    }
}
