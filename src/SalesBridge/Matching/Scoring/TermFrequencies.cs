using SalesBridge.Matching.Engine;

namespace SalesBridge.Matching.Scoring;

/// <summary>
/// Term-frequency adjustment for exact agreement on names: agreeing on "Smith" is weaker evidence than agreeing on
/// "Vandenberghe". Per CRM record and field, log2(average u / share of CRM records with this value), bounded so a
/// single value cannot decide a pair on its own.
/// </summary>
internal sealed class TermFrequencies
{
    private const float Bound = 4;
    private readonly float[][] adjustments;

    private TermFrequencies(int[] fields, float[][] adjustments)
    {
        Fields = fields;
        this.adjustments = adjustments;
    }

    public int[] Fields { get; }

    public static TermFrequencies Build<TRecord, TNormalised>(IMatchDomain<TRecord, TNormalised> domain, TNormalised[] crm, FellegiSunterModel model)
    {
        var fields = domain.FrequencyFields.ToArray();
        var adjustments = new float[fields.Length][];

        // One field per thread: each is a pass over every CRM record with a dictionary of its values.
        Parallel.For(0, fields.Length, k =>
        {
            var field = fields[k];
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var record in crm)
            {
                var value = domain.FrequencyValue(record, field);
                if (value.Length > 0)
                {
                    counts[value] = counts.GetValueOrDefault(value) + 1;
                }
            }

            var averageU = model.U(field, FieldAgreement.Exact);
            var adjustment = new float[crm.Length];
            for (var i = 0; i < crm.Length; i++)
            {
                var value = domain.FrequencyValue(crm[i], field);
                if (value.Length > 0)
                {
                    var share = Math.Max(counts[value], 1) / (double)crm.Length;
                    adjustment[i] = (float)Math.Clamp(Math.Log2(averageU / share), -Bound, Bound);
                }
            }

            adjustments[k] = adjustment;
        });

        return new TermFrequencies(fields, adjustments);
    }

    /// <summary>The adjustment for CRM record <paramref name="crm"/> on the k-th frequency field.</summary>
    public float Adjustment(int k, int crm) => adjustments[k][crm];
}
