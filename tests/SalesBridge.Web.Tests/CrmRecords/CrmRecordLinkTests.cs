using SalesBridge.CrmRecords;

namespace SalesBridge.Web.Tests.CrmRecords;

/// <summary>The "In CRM" URL in the documented main.aspx form, whatever shape the stored org URL has.</summary>
public sealed class CrmRecordLinkTests
{
    private static readonly Guid Id = Guid.Parse("91330924-802a-4b0d-a900-34fd9d790829");

    [Theory]
    [InlineData("https://myorg.crm.dynamics.com/")]
    [InlineData("https://myorg.crm.dynamics.com")]
    public void For_OrgUrlWithOrWithoutSlash_GivesTheDocumentedRecordUrl(string organizationUrl) =>
        // The example of Microsoft's "Open apps, forms, views, dialogs, and reports with a URL", character for character.
        CrmRecordLink.For(organizationUrl, CrmRecordLink.Account, Id)
            .ShouldBe("https://myorg.crm.dynamics.com/main.aspx?etn=account&pagetype=entityrecord&id=%7B91330924-802A-4B0D-A900-34FD9D790829%7D");

    [Fact]
    public void For_OrgUnderAPath_KeepsThePath() =>
        CrmRecordLink.For("https://127.0.0.1:5081/v80/", CrmRecordLink.Contact, Id)
            .ShouldStartWith("https://127.0.0.1:5081/v80/main.aspx?etn=contact&");

    [Fact]
    public void ForOptional_NoOrgOrNoRow_GivesNoLink()
    {
        CrmRecordLink.ForOptional(null, CrmRecordLink.Contact, Id).ShouldBeNull();
        CrmRecordLink.ForOptional("https://myorg.crm.dynamics.com/", CrmRecordLink.Contact, null).ShouldBeNull();
    }
}
