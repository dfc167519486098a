namespace SalesBridge.Matching;

/// <summary>
/// The decision for one lead: the CRM record it is tied to (null: none), the match probability of that pair (that this
/// record is the lead's rather than none; for an unmatched lead, of its best candidate, or 0 when it had none), and why.
/// </summary>
public sealed record MatchResult(string LeadId, string? CrmId, double Score, MatchExplanation Explanation);

/// <summary>
/// Why a lead was or was not matched: per-field evidence of the best candidate pair, the threshold it was held to,
/// the next-best candidates, and one readable sentence.
/// </summary>
public sealed record MatchExplanation(
    double Score,
    double Threshold,
    IReadOnlyList<FieldEvidence> Evidence,
    IReadOnlyList<CandidateScore> RunnersUp,
    string Summary);

/// <summary>
/// One field's comparison in a candidate pair: the values as given, how they compared (after normalisation), their
/// similarity (0–1) and the log-likelihood-ratio weight this outcome added to the score (0 when missing).
/// </summary>
public sealed record FieldEvidence(string Field, string? LeadValue, string? CrmValue, FieldAgreement Agreement, double Similarity, double Weight);

public enum FieldAgreement
{
    Exact,
    Close,
    Partial,
    Disagree,
    Missing,
}

public sealed record CandidateScore(string CrmId, double Score);

/// <summary>All decisions of a run (one per lead, in the leads' order) and how the run went.</summary>
public sealed record MatchRun(IReadOnlyList<MatchResult> Results, MatchStatistics Statistics)
{
    /// <summary>The weights the run scored with (learned, or <see cref="MatchingOptions.Fitted"/> as given), for reuse.</summary>
    public FittedModel? Fitted { get; init; }

    /// <summary>
    /// Per lead (in the leads' order), the ids of the CRM records it was compared with: those blocking proposed and those
    /// its twins brought (<see cref="MatchingOptions.LinkLeadDuplicates"/>). Only with <see cref="MatchingOptions.KeepComparedPairs"/>.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>>? Compared { get; init; }
}

/// <summary>
/// Lead-CRM pairs compared (those blocking proposed and those a lead's twins brought, each once) against all possible
/// pairs (the reduction ratio), the EM iterations used to learn the weights, and the learned m/u probabilities per field
/// and outcome.
/// </summary>
public sealed record MatchStatistics(
    long CandidatePairs,
    long AllPairs,
    double ReductionRatio,
    int EmIterations,
    TimeSpan Elapsed,
    IReadOnlyList<LearnedWeight> Weights)
{
    /// <summary>Pairs of leads compared to find twins (leads that are one person); 0 when twins are off.</summary>
    public long LeadPairs { get; init; }

    /// <summary>Leads linked to at least one twin.</summary>
    public int LeadsWithTwins { get; init; }

    /// <summary>Leads scored again with fields taken from a twin.</summary>
    public int LeadsFilledFromTwins { get; init; }
}

/// <summary>For a field and outcome: P(outcome | same entity) = M, P(outcome | different entities) = U.</summary>
public sealed record LearnedWeight(string Field, FieldAgreement Agreement, double M, double U)
{
    public double Weight => Math.Log2(M / U);
}

/// <summary>Progress of a long run, for the command line's stderr.</summary>
public sealed record MatchProgress(string Stage, long Done, long Total);
