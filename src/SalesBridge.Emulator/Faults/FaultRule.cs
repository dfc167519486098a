namespace SalesBridge.Emulator.Faults;

/// <summary>
/// One kind of fault and when it strikes: for the next <see cref="Count"/> matching requests, or with
/// <see cref="Probability"/> on each, or both (each of the next N matching requests with that probability); with
/// neither, on every matching request. <see cref="Method"/> and <see cref="Path"/> (a pattern over the path after
/// <c>/api/data/v9.2/</c>, <c>*</c> matching any characters, case-insensitive) narrow what matches.
/// </summary>
public sealed record FaultRule(FaultKind Kind)
{
    public int? Count { get; init; }
    public double? Probability { get; init; }
    public string? Method { get; init; }
    public string? Path { get; init; }
    /// <summary>Added latency of <see cref="FaultKind.Slow"/>.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Retry-After of <see cref="FaultKind.TooManyRequests"/> and <see cref="FaultKind.ServiceUnavailable"/>.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (Path is null || PathPattern.Matches(Path.TrimStart('/'), path.Split('?')[0].TrimStart('/')));
}

/// <summary>The faults of an org and the seed that decides them: the same plan and requests give the same faults.</summary>
public sealed record FaultPlan(int Seed, IReadOnlyList<FaultRule> Faults)
{
    public static FaultPlan None { get; } = new(0, []);
}
