using SalesBridge.Emulator.DemoWorld;
using World = SalesBridge.Emulator.DemoWorld.GeneratedWorld;

namespace SalesBridge.Emulator.Tests.DemoWorld;

public sealed class DemoWorldUserTests
{
    [Fact]
    public void Generate_WellKnownUsers_ComeFirstWithTheirRoles()
    {
        var world = GeneratedWorlds.Demo;
        var domain = world.Spec.EmailDomain;

        world.Admin.Role.ShouldBe(DemoUserRole.SystemAdministrator);
        world.Admin.DomainName.ShouldBe($"{World.AdminUserName}@{domain}");
        world.Admin.Password.ShouldBe("Demo!2026");
        world.Admin.AccessMode.ShouldBe(CrmUser.ReadWriteAccessMode);
        world.SalespersonWithoutOpportunityRead.Role.ShouldBe(DemoUserRole.SalespersonWithoutOpportunityRead);
        world.SalespersonWithoutOpportunityRead.DomainName.ShouldBe($"{World.WithoutOpportunityReadUserName}@{domain}");
        world.Users.Skip(3).ShouldAllBe(u => u.Role == DemoUserRole.Salesperson || u.Role == DemoUserRole.Disabled);
        world.Users.Count(u => u.Role == DemoUserRole.SystemAdministrator).ShouldBe(1);
    }

    [Fact]
    public void Generate_IntegrationUser_IsAnApplicationUserFromTheSpec()
    {
        var clientId = new Guid("11111111-2222-4333-8444-555555555555");
        var world = DemoWorldGenerator.Generate(DemoWorldSpec.Tiny with { IntegrationClientId = clientId, IntegrationClientSecret = "s3cret" });

        var integration = world.IntegrationUser;

        integration.Role.ShouldBe(DemoUserRole.IntegrationUser);
        integration.ApplicationId.ShouldBe(clientId);
        integration.AccessMode.ShouldBe(CrmUser.NonInteractiveAccessMode);
        integration.Password.ShouldBeNull();
        world.Spec.IntegrationClientSecret.ShouldBe("s3cret");
        world.Users.Where(u => u.Role != DemoUserRole.IntegrationUser).ShouldAllBe(u => u.ApplicationId == null && u.Password != null);
    }

    [Fact]
    public void Generate_Demo_HasActiveAndDisabledSalespeople()
    {
        var users = GeneratedWorlds.Demo.Users;

        users.Where(u => u.Role == DemoUserRole.Disabled).ShouldNotBeEmpty();
        users.Where(u => u.Role == DemoUserRole.Disabled).ShouldAllBe(u => u.IsDisabled);
        users.Where(u => u.Role != DemoUserRole.Disabled).ShouldAllBe(u => !u.IsDisabled);
        users.Count(u => u.Role == DemoUserRole.Salesperson).ShouldBeGreaterThan(5);
        users.ShouldAllBe(u => u.FullName.Length > 0 && u.InternalEmailAddress.Contains('@'));
    }

    [Fact]
    public void Generate_CustomEmailDomain_IsUsedForEveryUpn()
    {
        var world = DemoWorldGenerator.Generate(DemoWorldSpec.Tiny with { EmailDomain = "contoso.test" });

        world.Users.ShouldAllBe(u => u.DomainName.EndsWith("@contoso.test"));
        world.Admin.DomainName.ShouldBe("admin@contoso.test");
    }

    [Fact]
    public void Generate_SalespersonWithoutOpportunityRead_OwnsNoOpportunity()
    {
        var world = GeneratedWorlds.Demo;

        world.Opportunities.ShouldNotContain(o => o.OwnerId == world.SalespersonWithoutOpportunityRead.Id);
        world.Opportunities.ShouldNotContain(o => o.OwnerId == world.IntegrationUser.Id);
    }
}
