using SalesBridge.Emulator.Faults;

namespace SalesBridge.Emulator.Tests.Faults;

/// <summary>How the injector picks faults: counts run out, rules are tried in order, patterns match paths.</summary>
public sealed class FaultInjectorTests
{
    [Fact]
    public void Decide_CountRunsOut_NextRuleOrNothing()
    {
        var injector = new FaultInjector();
        injector.Apply(new FaultPlan(1, [new(FaultKind.ServerError) { Count = 1 }, new(FaultKind.ServiceUnavailable) { Count = 1 }]));

        var kinds = Enumerable.Range(0, 3).Select(_ => injector.Decide("GET", "accounts", batchPart: false)?.Kind).ToList();

        kinds.ShouldBe([FaultKind.ServerError, FaultKind.ServiceUnavailable, null]);
        injector.Remaining.ShouldBe([0, 0]);
    }

    [Theory]
    [InlineData("accounts*", "accounts(5f4d2b3c-1a2b-4c5d-8e9f-0a1b2c3d4e5f)", true)]
    [InlineData("/Accounts", "accounts", true)]
    [InlineData("accounts", "accounts?$top=1", true)]
    [InlineData("accounts", "accountsx", false)]
    [InlineData("*/$ref", "accounts(1)/contact_customer_accounts/$ref", true)]
    [InlineData("contacts*", "accounts", false)]
    public void Matches_PathPattern_MatchesAsGlob(string pattern, string path, bool expected) =>
        new FaultRule(FaultKind.ServerError) { Path = pattern }.Matches("GET", path).ShouldBe(expected);

    [Fact]
    public void Decide_SameSeed_SameDecisions()
    {
        var plan = new FaultPlan(7, [new(FaultKind.Slow) { Probability = 0.3 }]);
        var first = Decisions(plan);
        var again = Decisions(plan);

        again.ShouldBe(first);
        first.ShouldContain(true);
        first.ShouldContain(false);
    }

    private static List<bool> Decisions(FaultPlan plan)
    {
        var injector = new FaultInjector();
        injector.Apply(plan);
        return Enumerable.Range(0, 50).Select(_ => injector.Decide("GET", "accounts", batchPart: false) is not null).ToList();
    }
}
