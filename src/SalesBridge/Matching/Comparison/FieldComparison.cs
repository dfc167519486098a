namespace SalesBridge.Matching.Comparison;

/// <summary>The outcome of comparing one field of a pair: its agreement level and a similarity for tie-breaking and display.</summary>
public readonly record struct FieldComparison(FieldAgreement Agreement, float Similarity)
{
    public static readonly FieldComparison Missing = new(FieldAgreement.Missing, 0);
    public static readonly FieldComparison Exact = new(FieldAgreement.Exact, 1);
    public static readonly FieldComparison Disagree = new(FieldAgreement.Disagree, 0);

    /// <summary>The values agree at some level (exactly, closely or in part): neither missing nor different.</summary>
    public bool Agrees => Agreement is FieldAgreement.Exact or FieldAgreement.Close or FieldAgreement.Partial;

    /// <summary>Levels by string similarity: the cut-offs that separate typos from different values.</summary>
    public static FieldComparison BySimilarity(double similarity, double close, double partial) => new(
        similarity >= 0.999999 ? FieldAgreement.Exact
        : similarity >= close ? FieldAgreement.Close
        : similarity >= partial ? FieldAgreement.Partial
        : FieldAgreement.Disagree,
        (float)similarity);
}
