using SalesBridge.Emulator.DemoWorld;

namespace SalesBridge.Emulator.Tests.DemoWorld;

public sealed class DemoWorldIntegrityTests
{
    public static TheoryData<string> Presets => [nameof(DemoWorldSpec.Tiny), nameof(DemoWorldSpec.Demo)];

    [Theory]
    [MemberData(nameof(Presets))]
    public void Generate_EveryOwner_IsAUser(string preset)
    {
        var world = GeneratedWorlds.Named(preset);
        var users = world.Users.Select(u => u.Id).ToHashSet();

        world.Accounts.ShouldAllBe(a => users.Contains(a.OwnerId));
        world.Contacts.ShouldAllBe(c => users.Contains(c.OwnerId));
        world.Leads.ShouldAllBe(l => users.Contains(l.OwnerId));
        world.Opportunities.ShouldAllBe(o => users.Contains(o.OwnerId));
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Generate_AccountAndContactReferences_Resolve(string preset)
    {
        var world = GeneratedWorlds.Named(preset);
        var accounts = world.Accounts.Select(a => a.Id).ToHashSet();
        var contactAccount = world.Contacts.ToDictionary(c => c.Id, c => c.ParentAccountId);

        world.Contacts.ShouldAllBe(c => c.ParentAccountId == null || accounts.Contains(c.ParentAccountId.Value));
        world.Accounts.Where(a => a.PrimaryContactId != null)
            .ShouldAllBe(a => contactAccount[a.PrimaryContactId!.Value] == a.Id);
        world.Contacts.Count(c => c.ParentAccountId != null).ShouldBeGreaterThan(world.Contacts.Count / 2);
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Generate_OpportunityCustomers_Resolve(string preset)
    {
        var world = GeneratedWorlds.Named(preset);
        var accounts = world.Accounts.Select(a => a.Id).ToHashSet();
        var contactAccount = world.Contacts.ToDictionary(c => c.Id, c => c.ParentAccountId);

        foreach (var o in world.Opportunities)
        {
            if (o.CustomerIsAccount)
            {
                accounts.ShouldContain(o.CustomerId);
                o.ParentAccountId.ShouldBe(o.CustomerId);
                if (o.ParentContactId is { } contact)
                {
                    contactAccount[contact].ShouldBe(o.ParentAccountId);
                }
            }
            else
            {
                contactAccount.ShouldContainKey(o.CustomerId);
                o.ParentContactId.ShouldBe(o.CustomerId);
                o.ParentAccountId.ShouldBeNull();
            }
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Generate_Stakeholders_PointToOpportunitiesAndContacts(string preset)
    {
        var world = GeneratedWorlds.Named(preset);
        var opportunities = world.Opportunities.ToDictionary(o => o.Id);
        var contacts = world.Contacts.ToDictionary(c => c.Id);

        world.Stakeholders.ShouldNotBeEmpty();
        world.Stakeholders.Select(s => s.Id).ShouldBeUnique();
        world.Stakeholders.Select(s => (s.OpportunityId, s.ContactId)).ShouldBeUnique();
        world.Stakeholders.ShouldAllBe(s => opportunities.ContainsKey(s.OpportunityId) && contacts.ContainsKey(s.ContactId));
        world.Stakeholders.GroupBy(s => s.OpportunityId).ShouldAllBe(g => g.Count() <= 3);
        var fromOwnAccount = world.Stakeholders.Count(s =>
            opportunities[s.OpportunityId].ParentAccountId != null
            && contacts[s.ContactId].ParentAccountId == opportunities[s.OpportunityId].ParentAccountId);
        fromOwnAccount.ShouldBeGreaterThan(world.Stakeholders.Count / 2);
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Generate_AllIds_AreUnique(string preset)
    {
        var world = GeneratedWorlds.Named(preset);
        IEnumerable<Guid> ids =
        [
            world.OrganizationId, world.TenantId, world.BusinessUnitId,
            .. world.Users.Select(u => u.Id), .. world.Accounts.Select(a => a.Id), .. world.Contacts.Select(c => c.Id),
            .. world.Leads.Select(l => l.Id), .. world.Opportunities.Select(o => o.Id), .. world.Stakeholders.Select(s => s.Id),
            .. world.WorkspaceCompanies.Select(c => c.Id), .. world.WorkspacePeople.Select(p => p.Id),
        ];

        ids.ShouldBeUnique();
        ids.ShouldNotContain(Guid.Empty);
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Generate_AccountNumbersAndUpns_AreUnique(string preset)
    {
        var world = GeneratedWorlds.Named(preset);

        world.Accounts.Select(a => a.AccountNumber).ShouldBeUnique();
        world.Accounts.ShouldAllBe(a => a.AccountNumber.StartsWith("ACC-"));
        world.Users.Select(u => u.DomainName.ToUpperInvariant()).ShouldBeUnique();
        world.Users.ShouldAllBe(u => u.DomainName.EndsWith("@" + world.Spec.EmailDomain));
    }

    [Fact]
    public void Generate_AccountsIndustryAndSuffixes_LookReal()
    {
        var world = GeneratedWorlds.Demo;
        var industryCodes = DemoWorldChoices.IndustryCodes.Select(o => o.Value).ToHashSet();
        string[] suffixes = [" Inc.", " GmbH", " Ltd", " LLC", " AG", " S.A."];

        world.Accounts.ShouldAllBe(a => industryCodes.Contains(a.IndustryCode));
        world.Accounts.Count(a => suffixes.Any(s => a.Name.EndsWith(s))).ShouldBeGreaterThan(world.Accounts.Count / 10);
        world.Accounts.Select(a => a.Country).Distinct().Count().ShouldBeGreaterThan(5);
    }
}
