using SalesBridge.Dataverse.Tests.Infrastructure;

namespace SalesBridge.Dataverse.Tests.Operations;

[Collection("Dataverse")]
public sealed class FunctionTests(DataverseFixture dataverse)
{
    [Fact]
    public async Task WhoAmIAsync_ReturnsIntegrationUser()
    {
        var client = await dataverse.ClientAsync();

        var me = await client.WhoAmIAsync();

        me.UserId.ShouldBe(dataverse.World.Users.Single(u => u.ApplicationId is not null).Id);
        me.OrganizationId.ShouldBe(dataverse.World.OrganizationId);
    }

    [Fact]
    public async Task RetrieveVersionAndOrganization_DescribeTheOrg()
    {
        var client = await dataverse.ClientAsync();

        var version = await client.RetrieveVersionAsync();
        var org = await client.RetrieveCurrentOrganizationAsync();

        version.ShouldStartWith("9.2");
        org.OrganizationId.ShouldBe(dataverse.World.OrganizationId);
        org.OrganizationType.ShouldBe("Customer");
        org.IsSandbox.ShouldBeFalse();
        org.TenantId.ShouldBe(dataverse.Server.Org.Settings.TenantId.ToString());
    }

    [Fact]
    public async Task RetrieveUserPrivilegesAsync_ListsPrivilegesWithDepth()
    {
        var client = await dataverse.ClientAsync();

        var privileges = await client.RetrieveUserPrivilegesAsync(dataverse.Restricted.Id);

        privileges.ShouldContain(p => p.PrivilegeName == "prvReadAccount" && p.Depth == "Local");
        privileges.ShouldNotContain(p => p.PrivilegeName == "prvReadOpportunity");
    }
}
