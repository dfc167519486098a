using SalesBridge.Emulator.Faults;

namespace SalesBridge.Emulator.Control;

/// <summary>
/// <c>PUT /_emulator/orgs/{urlName}/faults</c>:
/// <c>{"seed":7,"faults":[{"kind":"serviceUnavailable","count":2,"method":"GET","path":"accounts*"},{"kind":"slow","delayMs":500,"probability":0.5}]}</c>.
/// Kinds: tooManyRequests, serverError, serviceUnavailable, slow, dropConnection, expiredToken, unreachable.
/// </summary>
internal sealed record FaultPlanBody(int? Seed, List<FaultRuleBody>? Faults)
{
    public (FaultPlan? Plan, string? Problem) ToPlan()
    {
        if (Faults is null) return (null, "'faults' is required: a list of faults (it may be empty).");
        var rules = new List<FaultRule>();
        for (var i = 0; i < Faults.Count; i++)
        {
            var (rule, problem) = Faults[i].ToRule();
            if (problem is not null) return (null, $"faults[{i}]: {problem}");
            rules.Add(rule!);
        }
        return (new FaultPlan(Seed ?? 0, rules), null);
    }

    public static FaultPlanBody From(FaultPlan plan, IReadOnlyList<int?> remaining) =>
        new(plan.Seed, plan.Faults.Select((f, i) => FaultRuleBody.From(f, remaining.ElementAtOrDefault(i))).ToList());
}

internal sealed record FaultRuleBody(
    string? Kind, int? Count = null, double? Probability = null, string? Method = null, string? Path = null,
    int? DelayMs = null, int? RetryAfterSeconds = null)
{
    public (FaultRule? Rule, string? Problem) ToRule()
    {
        if (string.IsNullOrWhiteSpace(Kind)) return (null, "'kind' is required.");
        if (!FaultKinds.ByName.TryGetValue(Kind, out var kind))
        {
            return (null, $"Unknown fault kind '{Kind}'. Known kinds: {string.Join(", ", FaultKinds.ByName.Keys)}.");
        }
        if (Count is < 0) return (null, "'count' must not be negative.");
        if (Probability is < 0 or > 1) return (null, "'probability' must be between 0 and 1.");
        if (DelayMs is < 0) return (null, "'delayMs' must not be negative.");
        if (RetryAfterSeconds is < 1) return (null, "'retryAfterSeconds' must be at least 1.");
        if (Method is { Length: 0 } || Path is { Length: 0 }) return (null, "'method' and 'path' must not be empty when given.");
        var rule = new FaultRule(kind) { Count = Count, Probability = Probability, Method = Method, Path = Path };
        if (DelayMs is { } delay) rule = rule with { Delay = TimeSpan.FromMilliseconds(delay) };
        if (RetryAfterSeconds is { } seconds) rule = rule with { RetryAfter = TimeSpan.FromSeconds(seconds) };
        return (rule, null);
    }

    public static FaultRuleBody From(FaultRule rule, int? remaining) => new(
        FaultKinds.NameOf(rule.Kind), remaining, rule.Probability, rule.Method, rule.Path,
        (int)rule.Delay.TotalMilliseconds, (int)Math.Ceiling(rule.RetryAfter.TotalSeconds));
}
