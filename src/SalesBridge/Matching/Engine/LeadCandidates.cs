namespace SalesBridge.Matching.Engine;

/// <summary>
/// One lead's candidate CRM records (by index) with each pair's agreement pattern, term-frequency adjustment (bits)
/// and summed similarity: what comparing found, before the weights are learned (<see cref="ScoredCandidates"/> after).
/// </summary>
internal sealed class LeadCandidates(int[] crm, int[] patterns, float[] adjustments, float[] similarities)
{
    public static readonly LeadCandidates None = new([], [], [], []);

    public int[] Crm { get; } = crm;
    public int[] Patterns { get; } = patterns;
    public float[] Adjustments { get; } = adjustments;
    public float[] Similarities { get; } = similarities;
    public int Count => Crm.Length;
}
