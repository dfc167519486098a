namespace SalesBridge.Emulator.Faults;

/// <summary>
/// Decides, request by request, which fault of the org's plan strikes. The first rule that matches and fires
/// wins. Decisions come from a <see cref="Random"/> seeded by the plan, drawn once for every matching rule
/// with a probability, so a run that sends the same requests in the same order meets the same faults.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private FaultPlan _plan = FaultPlan.None;
    private Random _random = new(0);
    private int?[] _remaining = [];

    public FaultPlan Plan
    {
        get
        {
            lock (_gate) return _plan;
        }
    }

    /// <summary>Replaces the plan; counts and the random sequence start afresh.</summary>
    public void Apply(FaultPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (_gate)
        {
            _plan = plan;
            _random = new Random(plan.Seed);
            _remaining = plan.Faults.Select(f => f.Count).ToArray();
        }
    }

    public void Clear() => Apply(FaultPlan.None);

    /// <summary>How many more times each rule of the plan may strike (null: unlimited).</summary>
    public IReadOnlyList<int?> Remaining
    {
        get
        {
            lock (_gate) return _remaining.ToArray();
        }
    }

    /// <summary>The fault for this request, or null.</summary>
    public FaultRule? Decide(string method, string path, bool batchPart)
    {
        lock (_gate)
        {
            for (var i = 0; i < _plan.Faults.Count; i++)
            {
                var rule = _plan.Faults[i];
                if (batchPart && !rule.Kind.AppliesInsideBatch()) continue;
                if (_remaining[i] is 0 || !rule.Matches(method, path)) continue;
                if (rule.Probability is { } probability && _random.NextDouble() >= probability) continue;
                if (_remaining[i] is { } left) _remaining[i] = left - 1;
                return rule;
            }
            return null;
        }
    }
}
