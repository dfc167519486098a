namespace SalesBridge.Matching.Engine;

/// <summary>One lead's candidate CRM records (by index) with each pair's agreement pattern and summed similarity.</summary>
internal sealed class LeadCandidates(int[] crm, int[] patterns, float[] similarities)
{
    public static readonly LeadCandidates None = new([], [], []);

    public int[] Crm { get; } = crm;
    public int[] Patterns { get; } = patterns;
    public float[] Similarities { get; } = similarities;
    public int Count => Crm.Length;
}
