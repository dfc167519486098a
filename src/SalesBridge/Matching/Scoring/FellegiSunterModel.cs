using SalesBridge.Matching.Comparison;

namespace SalesBridge.Matching.Scoring;

/// <summary>
/// Fellegi-Sunter: each field's agreement level adds log2(m/u) to a pair's evidence, missing fields add nothing.
/// u is learned from random pairs (<see cref="RandomPairSample"/>); m and the match share λ by EM over the candidate
/// pairs, unsupervised, starting from the priors.
/// </summary>
public sealed class FellegiSunterModel
{
    private const int Levels = 4;
    private const double PseudoPairs = 20;

    // The m priors count as this share of the candidate pairs: enough that EM cannot talk itself into "a shared
    // surname with another first name is a match" when blocking fills the candidates with such namesakes.
    private const double PriorShareOfPairs = 0.25;
    private readonly IReadOnlyList<FieldPrior> fields;
    private readonly double[,] m;
    private readonly double[,] u;

    // The random pairs' level counts per field, kept to take the true matches among them back out (see Fit).
    private readonly double[,] randomCounts;
    private readonly double[] randomPresent;

    public FellegiSunterModel(IReadOnlyList<FieldPrior> fields)
    {
        this.fields = fields;
        m = new double[fields.Count, Levels];
        u = new double[fields.Count, Levels];
        randomCounts = new double[fields.Count, Levels];
        randomPresent = new double[fields.Count];
        for (var f = 0; f < fields.Count; f++)
        {
            for (var l = 0; l < Levels; l++)
            {
                m[f, l] = fields[f].M[l];
                u[f, l] = fields[f].U[l];
            }
        }
    }

    /// <summary>
    /// λ: the share of ALL (lead, CRM) pairs that match, not of the candidates. Blocking only saves work; judging a
    /// candidate by the odds among candidates would let "same surname" alone pass, since blocking gathers namesakes.
    /// </summary>
    public double MatchShare { get; private set; } = 1e-4;

    public int Iterations { get; private set; }

    /// <summary>log2(m/u) of a field's level; 0 when missing.</summary>
    public double Weight(int field, FieldAgreement level) =>
        level == FieldAgreement.Missing ? 0 : Math.Log2(m[field, (int)level] / u[field, (int)level]);

    public double U(int field, FieldAgreement level) => u[field, (int)level];

    /// <summary>The pair's evidence in bits: prior odds of a candidate pair plus each field's weight.</summary>
    public double LogOdds(int pattern)
    {
        var logOdds = Math.Log2(MatchShare / (1 - MatchShare));
        for (var f = 0; f < fields.Count; f++)
        {
            logOdds += Weight(f, AgreementPattern.Level(pattern, f));
        }

        return logOdds;
    }

    public double Probability(int pattern) => ToProbability(LogOdds(pattern));

    public static double ToProbability(double logOdds) => 1 / (1 + Math.Pow(2, -logOdds));

    /// <summary>u per field and level from the agreement patterns of random pairs, the priors counting as a few pairs.</summary>
    public void EstimateU(IReadOnlyDictionary<int, long> randomPatternCounts)
    {
        var sums = new double[fields.Count, Levels];
        for (var f = 0; f < fields.Count; f++)
        {
            for (var l = 0; l < Levels; l++)
            {
                sums[f, l] = PseudoPairs * fields[f].U[l];
            }
        }

        foreach (var (pattern, count) in randomPatternCounts)
        {
            for (var f = 0; f < fields.Count; f++)
            {
                var level = AgreementPattern.Level(pattern, f);
                if (level != FieldAgreement.Missing)
                {
                    sums[f, (int)level] += count;
                    randomCounts[f, (int)level] += count;
                    randomPresent[f] += count;
                }
            }
        }

        Normalise(sums, u);
    }

    /// <summary>
    /// u again from the random pairs, less the true matches expected among them (λ·m per pair). Against a small CRM a
    /// random pair is a match often enough (1 in 200 at 200 records) to make agreement look common among non-matches
    /// and halve the weight of an exact email; against a large one this changes nothing. A level keeps at least one
    /// pair's worth of what was seen: the sample cannot tell rarer apart.
    /// </summary>
    private double CorrectU()
    {
        var sums = new double[fields.Count, Levels];
        for (var f = 0; f < fields.Count; f++)
        {
            for (var l = 0; l < Levels; l++)
            {
                var seen = randomCounts[f, l];
                var nonMatches = Math.Max(seen - (MatchShare * m[f, l] * randomPresent[f]), Math.Min(seen, 1));
                sums[f, l] = (PseudoPairs * fields[f].U[l]) + nonMatches;
            }
        }

        return Normalise(sums, u);
    }

    /// <summary>
    /// Takes m, u and λ from a model another run learned (no EM follows); false, changing nothing, when its fields or
    /// outcomes are not this model's.
    /// </summary>
    public bool Use(FittedModel fitted)
    {
        if (fitted.Weights.Count != fields.Count * Levels)
        {
            return false;
        }

        for (var i = 0; i < fitted.Weights.Count; i++)
        {
            var weight = fitted.Weights[i];
            if (weight.Field != fields[i / Levels].Field || (int)weight.Agreement != i % Levels || !(weight.M > 0) || !(weight.U > 0))
            {
                return false;
            }
        }

        for (var i = 0; i < fitted.Weights.Count; i++)
        {
            m[i / Levels, i % Levels] = fitted.Weights[i].M;
            u[i / Levels, i % Levels] = fitted.Weights[i].U;
        }

        MatchShare = Math.Clamp(fitted.MatchShare, 1e-12, 0.5);
        return true;
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

    /// <summary>Runs EM for m and λ over the candidates' pattern counts until they move less than 1e-6 (at most 200 rounds); u stays.</summary>
    public void Fit(IReadOnlyDictionary<int, long> patternCounts, double expectedMatches, long allPairs)
    {
        var patterns = patternCounts.Keys.ToArray();
        var counts = patterns.Select(p => (double)patternCounts[p]).ToArray();
        var total = counts.Sum();
        if (total == 0)
        {
            return;
        }

        MatchShare = Math.Clamp(expectedMatches / allPairs, 1e-12, 0.5);
        var sumM = new double[fields.Count, Levels];
        for (Iterations = 1; Iterations <= 200; Iterations++)
        {
            for (var f = 0; f < fields.Count; f++)
            {
                for (var l = 0; l < Levels; l++)
                {
                    sumM[f, l] = Math.Max(PseudoPairs, PriorShareOfPairs * total) * fields[f].M[l];
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
                    }
                }
            }

            // Matches outside the candidates are taken as none: blocking is built to miss almost nothing.
            var share = Math.Clamp(matches / allPairs, 1e-12, 0.5);
            var change = Math.Abs(share - MatchShare) / MatchShare;
            MatchShare = share;
            change = Math.Max(change, Normalise(sumM, m));
            change = Math.Max(change, CorrectU());
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
                var value = Math.Max(sums[f, l] / total, 1e-7);
                change = Math.Max(change, Math.Abs(value - target[f, l]));
                target[f, l] = value;
            }
        }

        return change;
    }
}
