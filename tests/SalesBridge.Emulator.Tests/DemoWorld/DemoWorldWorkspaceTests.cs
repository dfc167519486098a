using SalesBridge.Emulator.DemoWorld;

namespace SalesBridge.Emulator.Tests.DemoWorld;

public sealed class DemoWorldWorkspaceTests
{
    [Theory]
    [InlineData(nameof(DemoWorldSpec.Tiny))]
    [InlineData(nameof(DemoWorldSpec.Demo))]
    public void Generate_WorkspaceTruthLinks_Resolve(string preset)
    {
        var world = GeneratedWorlds.Named(preset);
        var accounts = world.Accounts.Select(a => a.Id).ToHashSet();
        var contacts = world.Contacts.Select(c => c.Id).ToHashSet();
        var leads = world.Leads.Select(l => l.Id).ToHashSet();
        var companies = world.WorkspaceCompanies.Select(c => c.Id).ToHashSet();

        world.WorkspaceCompanies.ShouldAllBe(c => c.CrmAccountId == null || accounts.Contains(c.CrmAccountId.Value));
        world.WorkspaceCompanies.Where(c => c.CrmAccountId != null).Select(c => c.CrmAccountId).ShouldBeUnique();
        world.WorkspacePeople.ShouldAllBe(p => p.CrmContactId == null || contacts.Contains(p.CrmContactId.Value));
        world.WorkspacePeople.ShouldAllBe(p => p.CrmLeadId == null || leads.Contains(p.CrmLeadId.Value));
        world.WorkspacePeople.ShouldAllBe(p => p.WorkspaceCompanyId == null || companies.Contains(p.WorkspaceCompanyId.Value));
        world.WorkspacePeople.Where(p => p.CrmContactId != null).Select(p => p.CrmContactId).ShouldBeUnique();
    }

    [Fact]
    public void Generate_Demo_CoversMostCrmRowsAndAddsUnmatchedOnes()
    {
        var world = GeneratedWorlds.Demo;

        world.WorkspaceCompanies.Count(c => c.CrmAccountId != null).ShouldBeInRange(world.Accounts.Count * 6 / 10, world.Accounts.Count * 95 / 100);
        world.WorkspacePeople.Count(p => p.CrmContactId != null).ShouldBeInRange(world.Contacts.Count * 6 / 10, world.Contacts.Count * 9 / 10);
        world.WorkspaceCompanies.Count(c => c.CrmAccountId == null).ShouldBeGreaterThan(30);
        world.WorkspacePeople.Count(p => p.CrmContactId == null && p.CrmLeadId == null).ShouldBeGreaterThan(100);
        world.WorkspacePeople.Count(p => p.CrmLeadId != null).ShouldBeGreaterThan(10);
        world.WorkspacePeople.ShouldContain(p => p.CrmLeadId != null && p.CrmContactId != null);
    }

    [Theory]
    [InlineData(DemoVariation.Nickname, 10)]
    [InlineData(DemoVariation.TitleChanged, 40)]
    [InlineData(DemoVariation.EmailMissing, 30)]
    [InlineData(DemoVariation.PersonalEmail, 20)]
    [InlineData(DemoVariation.MovedCompany, 15)]
    [InlineData(DemoVariation.AccentOrCaseChanged, 10)]
    [InlineData(DemoVariation.Typo, 8)]
    public void Generate_Demo_HasAShareOfEachPersonVariation(DemoVariation variation, int atLeast)
    {
        GeneratedWorlds.Demo.WorkspacePeople.Count(p => p.Variations.HasFlag(variation)).ShouldBeGreaterThanOrEqualTo(atLeast);
    }

    [Theory]
    [InlineData(DemoVariation.LegalSuffixChanged, 20)]
    [InlineData(DemoVariation.ThePrefixChanged, 4)]
    [InlineData(DemoVariation.WebsiteFormatChanged, 40)]
    [InlineData(DemoVariation.WebsiteMissing, 5)]
    [InlineData(DemoVariation.AccentOrCaseChanged, 5)]
    [InlineData(DemoVariation.Typo, 3)]
    public void Generate_Demo_HasAShareOfEachCompanyVariation(DemoVariation variation, int atLeast)
    {
        GeneratedWorlds.Demo.WorkspaceCompanies.Count(c => c.Variations.HasFlag(variation)).ShouldBeGreaterThanOrEqualTo(atLeast);
    }

    [Fact]
    public void Generate_PersonVariations_ReallyDifferFromTheContact()
    {
        var world = GeneratedWorlds.Demo;
        var contacts = world.Contacts.ToDictionary(c => c.Id);
        var companyOfAccount = world.WorkspaceCompanies.Where(c => c.CrmAccountId != null).ToDictionary(c => c.CrmAccountId!.Value, c => c.Id);

        foreach (var person in world.WorkspacePeople.Where(p => p.CrmContactId != null))
        {
            var contact = contacts[person.CrmContactId!.Value];
            var v = person.Variations;
            var nameChanged = v.HasFlag(DemoVariation.Nickname) || v.HasFlag(DemoVariation.AccentOrCaseChanged) || v.HasFlag(DemoVariation.Typo);
            (person.FirstName != contact.FirstName || person.LastName != contact.LastName).ShouldBe(nameChanged, person.ToString());
            if (v.HasFlag(DemoVariation.EmailMissing))
            {
                (person.Email, contact.EmailAddress1).ShouldSatisfyAllConditions(e => e.Item1.ShouldBeNull(), e => e.Item2.ShouldNotBeNull());
            }

            if (v.HasFlag(DemoVariation.MovedCompany) && contact.ParentAccountId is { } account && companyOfAccount.TryGetValue(account, out var original))
            {
                person.WorkspaceCompanyId.ShouldNotBe(original);
            }

            if (v.HasFlag(DemoVariation.TitleChanged))
            {
                person.Title.ShouldNotBe(contact.JobTitle);
            }

            if (v == DemoVariation.None)
            {
                (person.FirstName, person.LastName, person.Title).ShouldBe((contact.FirstName, contact.LastName, contact.JobTitle));
            }
        }
    }

    [Fact]
    public void Generate_NicknameVariation_UsesAKnownNickname()
    {
        var world = GeneratedWorlds.Demo;
        var contacts = world.Contacts.ToDictionary(c => c.Id);
        var nicknamed = world.WorkspacePeople.Where(p => p.Variations == DemoVariation.Nickname).ToList();

        nicknamed.ShouldNotBeEmpty();
        nicknamed.ShouldAllBe(p => p.FirstName != contacts[p.CrmContactId!.Value].FirstName
                                   && p.LastName == contacts[p.CrmContactId!.Value].LastName);
        nicknamed.Select(p => p.FirstName).ShouldContain(n => n == "Bob" || n == "Bill" || n == "Mike" || n == "Jim" || n == "Dave" || n == "Tom");
    }
}
