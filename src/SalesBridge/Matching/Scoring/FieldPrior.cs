namespace SalesBridge.Matching.Scoring;

/// <summary>
/// A field and where EM starts: P(level | match) and P(level | non-match) for Exact, Close, Partial, Disagree.
/// The priors also act as a few pseudo-observations, so a field rarely seen still gets a sane weight.
/// </summary>
public sealed record FieldPrior(string Field, double[] M, double[] U);
