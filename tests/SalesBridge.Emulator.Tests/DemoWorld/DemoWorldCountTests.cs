using System.Diagnostics;
using SalesBridge.Emulator.DemoWorld;
using Xunit.Abstractions;

namespace SalesBridge.Emulator.Tests.DemoWorld;

public sealed class DemoWorldCountTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(nameof(DemoWorldSpec.Tiny), 5, 10, 25, 15, 5)]
    [InlineData(nameof(DemoWorldSpec.Demo), 12, 300, 1_000, 400, 100)]
    public void Generate_Preset_HasThePresetsRowCounts(
        string preset, int users, int accounts, int contacts, int opportunities, int leads)
    {
        var world = GeneratedWorlds.Named(preset);

        world.Users.Count.ShouldBe(users);
        world.Accounts.Count.ShouldBe(accounts);
        world.Contacts.Count.ShouldBe(contacts);
        world.Opportunities.Count.ShouldBe(opportunities);
        world.Leads.Count.ShouldBe(leads);
        world.Opportunities.Count(o => o.StateCode == CrmOpportunity.StateOpen).ShouldBe(world.Spec.OpenOpportunityCount);
    }

    [Fact]
    public void Generate_CustomCounts_AreHonoured()
    {
        var spec = DemoWorldSpec.Tiny with
        {
            UserCount = 7, AccountCount = 3, ContactCount = 0, OpenOpportunityCount = 4, ClosedOpportunityCount = 0, LeadCount = 0,
        };

        var world = DemoWorldGenerator.Generate(spec);

        (world.Users.Count, world.Accounts.Count, world.Contacts.Count, world.Opportunities.Count, world.Leads.Count)
            .ShouldBe((7, 3, 0, 4, 0));
        world.Stakeholders.ShouldBeEmpty();
        world.WorkspacePeople.ShouldBeEmpty();
    }

    [Fact]
    public void Generate_TooFewUsers_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => DemoWorldGenerator.Generate(DemoWorldSpec.Tiny with { UserCount = 3 }));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Generate_Large_HasLargeCountsAndReportsTime()
    {
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var stopwatch = Stopwatch.StartNew();

        var world = DemoWorldGenerator.Generate(DemoWorldSpec.Large);

        stopwatch.Stop();
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        output.WriteLine(
            $"Large: {stopwatch.Elapsed.TotalSeconds:F2} s, retained {retained / 1_048_576} MiB, " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576} MiB, " +
            $"{world.Stakeholders.Count} stakeholders, {world.WorkspaceCompanies.Count} workspace companies, " +
            $"{world.WorkspacePeople.Count} workspace people");
        world.Opportunities.Count(o => o.StateCode == CrmOpportunity.StateOpen).ShouldBe(100_000);
        world.Accounts.Count.ShouldBe(60_000);
        world.Contacts.Count.ShouldBe(200_000);
        world.Leads.Count.ShouldBe(20_000);
        world.Users.Count.ShouldBe(575);
        world.Users.Count(u => u.Role == DemoUserRole.Salesperson && !u.IsDisabled).ShouldBeGreaterThanOrEqualTo(500);
        world.Accounts.Select(a => a.AccountNumber).Distinct().Count().ShouldBe(60_000);
    }
}
