namespace SalesBridge.Matching;

/// <summary>
/// What a run learned about the data, to score another run's few records the same way without learning again: the m/u
/// probabilities per field and outcome, the match share λ (per pair of ALL pairs, so it stays right however few
/// candidates the next run compares) and the term-frequency adjustments of the CRM side's names. A run with a handful
/// of records cannot learn these itself: EM over its few candidates would drift from what the large run found.
/// </summary>
public sealed record FittedModel(IReadOnlyList<LearnedWeight> Weights, double MatchShare, IReadOnlyList<TermAdjustments> Frequencies)
{
    /// <summary>
    /// The share of leads whose record was on the CRM side in the run that learned this: what each pair is weighed against
    /// (<see cref="Scoring.RecordPrior"/>). 0 in a model kept before it was recorded: each pair is then weighed against
    /// "not this pair", as before.
    /// </summary>
    public double RecordShare { get; init; }
}

/// <summary>
/// A frequency field's exact-agreement adjustments: those of values common enough to differ from a value seen once
/// (<see cref="Common"/>), and that of a value seen once (<see cref="Rare"/>), which also stands for values not seen
/// then. Only the common values are kept: most names are rare, and their adjustment is the bound anyway.
/// </summary>
public sealed record TermAdjustments(string Field, float Rare, IReadOnlyDictionary<string, float> Common);
