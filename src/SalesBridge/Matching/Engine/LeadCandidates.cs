namespace SalesBridge.Matching.Engine;

/// <summary>
/// One lead's candidate CRM records (by index) with each pair's agreement pattern, term-frequency adjustment (bits)
/// and summed similarity; <see cref="Scores"/> (match probabilities) are filled in once the weights are learned.
/// </summary>
internal sealed class LeadCandidates(int[] crm, int[] patterns, float[] adjustments, float[] similarities)
{
    public static readonly LeadCandidates None = new([], [], [], []);

    public int[] Crm { get; } = crm;
    public int[] Patterns { get; } = patterns;
    public float[] Adjustments { get; } = adjustments;
    public float[] Similarities { get; } = similarities;
    public double[] Scores { get; } = new double[crm.Length];
    public int Count => Crm.Length;
}
