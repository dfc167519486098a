using SalesBridge.Matching.Comparison;
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

    private TermFrequencies(int[] fields, float[][] adjustments, IReadOnlyList<TermAdjustments> table)
    {
        Fields = fields;
        this.adjustments = adjustments;
        Table = table;
    }

    public int[] Fields { get; }

    /// <summary>The adjustments by value, for <see cref="FittedModel.Frequencies"/>.</summary>
    public IReadOnlyList<TermAdjustments> Table { get; }

    public static TermFrequencies Build<TRecord, TNormalised>(IMatchDomain<TRecord, TNormalised> domain, TNormalised[] crm, FellegiSunterModel model)
    {
        var fields = domain.FrequencyFields.ToArray();
        var adjustments = new float[fields.Length][];
        var table = new TermAdjustments[fields.Length];

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
            var rare = Adjustment(averageU, 1, crm.Length);
            var common = new Dictionary<string, float>(StringComparer.Ordinal);
            foreach (var (value, count) in counts)
            {
                var valueAdjustment = Adjustment(averageU, count, crm.Length);
                if (valueAdjustment != rare)
                {
                    common[value] = valueAdjustment;
                }
            }

            table[k] = new TermAdjustments(domain.Fields[field].Field, rare, common);
            adjustments[k] = PerRecord(domain, crm, field, table[k]);
        });

        return new TermFrequencies(fields, adjustments, table);
    }

    /// <summary>
    /// The adjustments a fitted model carries, for these CRM records: a value it did not keep counts as rare. Null when
    /// the model's frequency fields are not the domain's.
    /// </summary>
    public static TermFrequencies? From<TRecord, TNormalised>(IMatchDomain<TRecord, TNormalised> domain, TNormalised[] crm, FittedModel fitted)
    {
        var fields = domain.FrequencyFields.ToArray();
        var adjustments = new float[fields.Length][];
        var table = new TermAdjustments[fields.Length];
        for (var k = 0; k < fields.Length; k++)
        {
            var field = fields[k];
            var kept = fitted.Frequencies.FirstOrDefault(t => t.Field == domain.Fields[field].Field);
            if (kept is null)
            {
                return null;
            }

            adjustments[k] = PerRecord(domain, crm, field, kept);
            table[k] = kept;
        }

        return new TermFrequencies(fields, adjustments, table);
    }

    /// <summary>The adjustment for CRM record <paramref name="crm"/> on the k-th frequency field.</summary>
    public float Adjustment(int k, int crm) => adjustments[k][crm];

    /// <summary>A pair's whole adjustment: record <paramref name="crm"/>'s on each frequency field the pair agrees on exactly.</summary>
    public float Adjustment(ReadOnlySpan<FieldComparison> comparisons, int crm)
    {
        var sum = 0f;
        for (var k = 0; k < Fields.Length; k++)
        {
            if (comparisons[Fields[k]].Agreement == FieldAgreement.Exact)
            {
                sum += adjustments[k][crm];
            }
        }

        return sum;
    }

    /// <summary>Each CRM record's adjustment on one field: its value's, the rare one for a value not listed, none when empty.</summary>
    private static float[] PerRecord<TRecord, TNormalised>(IMatchDomain<TRecord, TNormalised> domain, TNormalised[] crm, int field, TermAdjustments table)
    {
        var adjustment = new float[crm.Length];
        for (var i = 0; i < crm.Length; i++)
        {
            var value = domain.FrequencyValue(crm[i], field);
            if (value.Length > 0)
            {
                adjustment[i] = table.Common.TryGetValue(value, out var common) ? common : table.Rare;
            }
        }

        return adjustment;
    }

    private static float Adjustment(double averageU, int count, int records)
    {
        var share = Math.Max(count, 1) / (double)records;
        return (float)Math.Clamp(Math.Log2(averageU / share), -Bound, Bound);
    }
}
