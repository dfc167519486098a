using SalesBridge.Matching.Comparison;

namespace SalesBridge.Matching.Scoring;

/// <summary>
/// Fellegi-Sunter: each field's agreement level adds log2(m/u) to a pair's evidence, missing fields add nothing.
/// m, u and the match share λ are learned by EM over the candidate pairs, unsupervised, from the priors.
/// </summary>
public sealed class FellegiSunterModel
{
    private const int Levels = 4;
    private const double PseudoPairs = 20;
    private readonly IReadOnlyList<FieldPrior> fields;
    private readonly double[,] m;
    private readonly double[,] u;

    public FellegiSunterModel(IReadOnlyList<FieldPrior> fields)
    {
        this.fields = fields;
        m = new double[fields.Count, Levels];
        u = new double[fields.Count, Levels];
        for (var f = 0; f < fields.Count; f++)
        {
            for (var l = 0; l < Levels; l++)
            {
                m[f, l] = fields[f].M[l];
                u[f, l] = fields[f].U[l];
            }
        }
    }

    public double MatchShare { get; private set; } = 0.01;

    public int Iterations { get; private set; }

    /// <summary>log2(m/u) of a field's level; 0 when missing.</summary>
    public double Weight(int field, FieldAgreement level) =>
        level == FieldAgreement.Missing ? 0 : Math.Log2(m[field, (int)level] / u[field, (int)level]);

    public double Probability(int pattern)
    {
        var logOdds = Math.Log2(MatchShare / (1 - MatchShare));
        for (var f = 0; f < fields.Count; f++)
        {
            logOdds += Weight(f, AgreementPattern.Level(pattern, f));
        }

        return 1 / (1 + Math.Pow(2, -logOdds));
    }

    public IReadOnlyList<LearnedWeight> Weights()
    {
        var weights = new List<LearnedWeight>(fields.Count * Levels);
        for (var f = 0; f < fields.Count; f++)
        {
            for (var l = 0; l < Levels; l++)
            {
                weights.Add(new LearnedWeight(fields[f].Field, (FieldAgreement)l, m[f, l], u[f, l]));
            }
        }

        return weights;
    }

    /// <summary>Runs EM over pattern counts until the parameters move less than 1e-6 (at most 200 rounds).</summary>
    public void Fit(IReadOnlyDictionary<int, long> patternCounts, double initialMatchShare)
    {
        var patterns = patternCounts.Keys.ToArray();
        var counts = patterns.Select(p => (double)patternCounts[p]).ToArray();
        var total = counts.Sum();
        if (total == 0)
        {
            return;
        }

        MatchShare = Math.Clamp(initialMatchShare, 1e-6, 0.5);
        var sumM = new double[fields.Count, Levels];
        var sumU = new double[fields.Count, Levels];
        for (Iterations = 1; Iterations <= 200; Iterations++)
        {
            for (var f = 0; f < fields.Count; f++)
            {
                for (var l = 0; l < Levels; l++)
                {
                    sumM[f, l] = PseudoPairs * fields[f].M[l];
                    sumU[f, l] = PseudoPairs * fields[f].U[l];
                }
            }

            var matches = 0.0;
            for (var i = 0; i < patterns.Length; i++)
            {
                var g = Probability(patterns[i]);
                matches += counts[i] * g;
                for (var f = 0; f < fields.Count; f++)
                {
                    var level = AgreementPattern.Level(patterns[i], f);
                    if (level != FieldAgreement.Missing)
                    {
                        sumM[f, (int)level] += counts[i] * g;
                        sumU[f, (int)level] += counts[i] * (1 - g);
                    }
                }
            }

            var change = Math.Abs((matches / total) - MatchShare);
            MatchShare = Math.Clamp(matches / total, 1e-6, 0.5);
            change = Math.Max(change, Normalise(sumM, m));
            change = Math.Max(change, Normalise(sumU, u));
            if (change < 1e-6)
            {
                break;
            }
        }

        Iterations = Math.Min(Iterations, 200);
    }

    private double Normalise(double[,] sums, double[,] target)
    {
        var change = 0.0;
        for (var f = 0; f < fields.Count; f++)
        {
            var total = 0.0;
            for (var l = 0; l < Levels; l++)
            {
                total += sums[f, l];
            }

            for (var l = 0; l < Levels; l++)
            {
                var value = Math.Max(sums[f, l] / total, 1e-6);
                change = Math.Max(change, Math.Abs(value - target[f, l]));
                target[f, l] = value;
            }
        }

        return change;
    }
}
