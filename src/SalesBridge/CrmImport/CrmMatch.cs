namespace SalesBridge.CrmImport;

/// <summary>How a CRM record got (or did not get) its workspace counterpart, stored with the record (SPEC S11, B5).</summary>
public sealed record CrmMatch
{
    public const int MaxSummaryLength = 500;

    public CrmMatchState State { get; init; } = CrmMatchState.Unmatched;

    /// <summary>The match probability of the chosen pair, or of the best candidate when unmatched; null before matching.</summary>
    public double? Score { get; init; }

    /// <summary>One readable sentence: why this pair, or why none.</summary>
    public string? Summary { get; init; }

    /// <summary>
    /// The per-field evidence of the engine's decision (<see cref="MatchEvidence"/>'s compact JSON), read with
    /// <see cref="MatchEvidence.Read"/>; null for a person's choice and before matching.
    /// </summary>
    public string? Evidence { get; init; }

    /// <summary>Whether the import may change this decision: a person's choice ("Edit match") is kept.</summary>
    public bool IsAutomatic => State is CrmMatchState.Unmatched or CrmMatchState.Matched;
}

public enum CrmMatchState
{
    /// <summary>Matching found no workspace record good enough.</summary>
    Unmatched,

    /// <summary>Matching tied it.</summary>
    Matched,

    /// <summary>A seat holder or admin chose the counterpart (or chose none); the import leaves it.</summary>
    ChosenByUser,
}
