namespace SalesBridge.Matching;

/// <summary>How a matcher decides; the defaults are what the product uses.</summary>
public sealed class MatchingOptions
{
    /// <summary>The match probability at or above which a pair is accepted; null: the matcher's default, chosen for precision.</summary>
    public double? Threshold { get; init; }

    /// <summary>How many next-best candidates an explanation lists.</summary>
    public int RunnersUp { get; init; } = 3;
}
