using SalesBridge.Emulator.DemoWorld;

namespace SalesBridge.Emulator.Tests.DemoWorld;

public sealed class DemoWorldOpportunityTests
{
    [Fact]
    public void Generate_StateStatusAndStage_AreConsistent()
    {
        foreach (var o in GeneratedWorlds.Demo.Opportunities)
        {
            CrmOpportunity.StateOfStatus(o.StatusCode).ShouldBe(o.StateCode, o.Name);
            o.SalesStage.ShouldBeInRange(0, 3);
            o.SalesStageCode.ShouldBe(o.SalesStage + 1);
            o.StepName.ShouldBe(DemoWorldChoices.StepNames[o.SalesStage]);
            (o.ActualValue != null).ShouldBe(o.StateCode == CrmOpportunity.StateWon, o.Name);
            if (o.StateCode == CrmOpportunity.StateWon)
            {
                o.SalesStage.ShouldBe(3);
            }
        }
    }

    [Fact]
    public void Generate_Demo_SpreadsOverEveryStateStatusAndStage()
    {
        var opportunities = GeneratedWorlds.Demo.Opportunities;

        opportunities.Select(o => o.StatusCode).Distinct().Order().ShouldBe([1, 2, 3, 4, 5]);
        opportunities.Where(o => o.StateCode == CrmOpportunity.StateOpen).Select(o => o.SalesStage).Distinct().Order()
            .ShouldBe([0, 1, 2, 3]);
        opportunities.Count(o => !o.CustomerIsAccount).ShouldBeGreaterThan(0);
        opportunities.Select(o => o.OwnerId).Distinct().Count().ShouldBeGreaterThan(3);
        opportunities.Count(o => o.SalesStage == 0).ShouldBeGreaterThan(opportunities.Count(o => o.SalesStage == 3 && o.StateCode == 0));
    }

    [Fact]
    public void Generate_CustomColumns_UseTheDeclaredChoicesAndAreSometimesEmpty()
    {
        var opportunities = GeneratedWorlds.Demo.Opportunities;
        var phases = DemoWorldChoices.PipelinePhases.Select(p => p.Value).ToHashSet();

        opportunities.Where(o => o.PipelinePhase != null).ShouldAllBe(o => phases.Contains(o.PipelinePhase!.Value));
        opportunities.ShouldContain(o => o.PipelinePhase == null);
        opportunities.ShouldContain(o => o.ContractValue != null);
        opportunities.ShouldContain(o => o.ContractValue == null);
        DemoWorldChoices.PipelinePhaseColumn.ShouldStartWith("new_");
        DemoWorldChoices.ContractValueColumn.ShouldStartWith("new_");
    }

    [Fact]
    public void Generate_ValuesAndDates_ArePlausibleForTheState()
    {
        var world = GeneratedWorlds.Demo;
        var today = DateOnly.FromDateTime(world.Spec.Now.UtcDateTime);

        world.Opportunities.ShouldAllBe(o => o.EstimatedValue > 0);
        world.Opportunities.Where(o => o.StateCode != CrmOpportunity.StateOpen).ShouldAllBe(o => o.EstimatedCloseDate < today);
        world.Opportunities.Where(o => o.StateCode != CrmOpportunity.StateOpen)
            .ShouldAllBe(o => DateOnly.FromDateTime(o.CreatedOn.UtcDateTime) <= o.EstimatedCloseDate);
        world.Opportunities.Where(o => o.StateCode == CrmOpportunity.StateOpen).ShouldContain(o => o.EstimatedCloseDate > today);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void StateOfStatus_UnknownStatus_Throws(int status)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => CrmOpportunity.StateOfStatus(status));
    }
}
