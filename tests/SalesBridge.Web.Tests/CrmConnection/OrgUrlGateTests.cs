using SalesBridge.CrmConnection;

namespace SalesBridge.Web.Tests.CrmConnection;

public sealed class OrgUrlGateTests
{
    [Theory]
    [InlineData("https://contoso.crm4.dynamics.com", "https://contoso.crm4.dynamics.com/")]
    [InlineData("  https://Contoso.crm.dynamics.com/main.aspx?appid=42#x ", "https://contoso.crm.dynamics.com/")]
    [InlineData("https://contoso.crm.microsoftdynamics.us/", "https://contoso.crm.microsoftdynamics.us/")]
    public void Check_OnlineOrgUrl_AcceptedAsItsRoot(string typed, string root)
    {
        var verdict = OrgUrlGate.Check(typed, []).ShouldBeOfType<OrgUrlVerdict.Accepted>();

        verdict.Root.ShouldBe(new Uri(root));
        verdict.IsExtraHost.ShouldBeFalse();
    }

    [Theory]
    [InlineData("", "The organization URL is missing.")]
    [InlineData("contoso.crm.dynamics.com", "'contoso.crm.dynamics.com' is not a web address. Enter the org's URL as https://<org>.crm.dynamics.com.")]
    [InlineData("ftp://contoso.crm.dynamics.com", "'ftp://contoso.crm.dynamics.com' is not a web address. Enter the org's URL as https://<org>.crm.dynamics.com.")]
    [InlineData("https://user:secret@contoso.crm.dynamics.com", "The organization URL must not carry a user name or password.")]
    public void Check_NotAnOrgUrl_RefusedWithCause(string typed, string cause)
    {
        var verdict = OrgUrlGate.Check(typed, []).ShouldBeOfType<OrgUrlVerdict.Refused>();

        verdict.Cause.ShouldBe(cause);
        verdict.IsOnPremises.ShouldBeFalse();
    }

    [Theory]
    [InlineData("https://crm.contoso.local/org")]
    [InlineData("https://contoso.crm.contoso.com/")]
    [InlineData("https://dynamics.com.contoso.com/")]
    [InlineData("https://10.0.0.5/contoso")]
    public void Check_OnPremisesOrIfdHost_RefusedAsOnPremises(string typed) =>
        OrgUrlGate.Check(typed, []).ShouldBeOfType<OrgUrlVerdict.Refused>().IsOnPremises.ShouldBeTrue();

    [Fact]
    public void Check_AllowListedHost_AcceptedOverHttpWithPath()
    {
        var verdict = OrgUrlGate.Check("http://127.0.0.1:5123/other", ["127.0.0.1"]).ShouldBeOfType<OrgUrlVerdict.Accepted>();

        verdict.Root.ShouldBe(new Uri("http://127.0.0.1:5123/other/"));
        verdict.IsExtraHost.ShouldBeTrue();
    }
}

public sealed class CrmVersionTests
{
    [Theory]
    [InlineData("8.2.0.749")]
    [InlineData("9.2.24044.00150")]
    [InlineData("10.0")]
    public void Refusal_SupportedVersion_Empty(string reported) => CrmVersion.Refusal(reported).ShouldBeEmpty();

    [Theory]
    [InlineData("8.0", "The org runs Dynamics version 8.0. SalesBridge needs Dynamics 365 online 8.2 or newer; ask Microsoft to update the org.")]
    [InlineData("8.1.1.1005", "The org runs Dynamics version 8.1.1.1005. SalesBridge needs Dynamics 365 online 8.2 or newer; ask Microsoft to update the org.")]
    [InlineData("unknown", "The org reported the version 'unknown', which SalesBridge does not recognise; it needs Dynamics 365 online 8.2 or newer.")]
    public void Refusal_OldOrUnknownVersion_NamesIt(string reported, string refusal) => CrmVersion.Refusal(reported).ShouldBe(refusal);
}
