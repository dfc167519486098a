using SalesBridge.Matching.Comparison;

namespace SalesBridge.Matching.Scoring;

/// <summary>
/// A pair's agreement levels packed three bits per field into one int: EM then runs over the (few thousand) distinct
/// patterns and their counts rather than over millions of pairs.
/// </summary>
public static class AgreementPattern
{
    public const int MaxFields = 10;

    public static int Pack(ReadOnlySpan<FieldComparison> comparisons)
    {
        var pattern = 0;
        for (var f = 0; f < comparisons.Length; f++)
        {
            pattern |= (int)comparisons[f].Agreement << (3 * f);
        }

        return pattern;
    }

    public static FieldAgreement Level(int pattern, int field) => (FieldAgreement)((pattern >> (3 * field)) & 7);
}
