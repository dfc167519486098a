using SalesBridge.Matching;
using SalesBridge.Matching.Blocking;
using SalesBridge.Matching.Comparison;
using SalesBridge.Matching.Scoring;

namespace SalesBridge.Tests.Matching;

public sealed class BlockingAndScoringTests
{
    [Fact]
    public void Collect_SharedKeyOnce_EachRecordAddedOnce()
    {
        var a = BlockingKey.Of('n', "S530", "J520");
        var b = BlockingKey.Of('m', "jane@acme.com");
        var index = BlockingIndex.Build([[a, b], [a], [b]]);
        var found = new List<int>();

        index.Collect([a, b], new int[3], new float[3], 1, keepShare: 0, found);

        found.Order().ShouldBe([0, 1, 2]);
    }

    [Fact]
    public void Collect_RecordSharingOnlyACrowdedKey_DroppedBesideOneSharingARareKey()
    {
        var (index, lead, count) = OneSharingTheEmailTwentyTheCity();
        var found = new List<int>();

        index.Collect(lead, new int[count], new float[count], 1, keepShare: 0.05, found);

        found.ShouldBe([0]);
    }

    [Fact]
    public void Collect_OnlyCrowdedKeysShared_EveryRecordKept()
    {
        // No candidate stands out, so none is pruned: a lead with only weak ties keeps all of them.
        var crowd = BlockingKey.Of('f', "jane", "lond");
        var records = Enumerable.Range(0, 20).Select(_ => new[] { crowd }).ToList();
        var found = new List<int>();

        BlockingIndex.Build(records).Collect([crowd], new int[records.Count], new float[records.Count], 1, keepShare: 0.05, found);

        found.Count.ShouldBe(20);
    }

    [Fact]
    public void Collect_KeepShareZero_EveryRecordSharingAKeyOnce()
    {
        var (index, lead, count) = OneSharingTheEmailTwentyTheCity();
        var found = new List<int>();

        index.Collect(lead, new int[count], new float[count], 1, keepShare: 0, found);

        found.Order().ShouldBe(Enumerable.Range(0, 21));
    }

    [Fact]
    public void Collect_FromGiven_EarlierRecordsNeitherWeighedNorPruned()
    {
        // The caller's record 5 (one of the crowd) stays; only what this call adds is pruned against its own best.
        var (index, lead, count) = OneSharingTheEmailTwentyTheCity();
        var stamps = new int[count];
        stamps[5] = 1;
        var found = new List<int> { 5 };

        index.Collect(lead, stamps, new float[count], 1, keepShare: 0.05, found, from: 1);

        found.ShouldBe([5, 0]);
    }

    /// <summary>A lead's keys and an index where record 0 shares its email (a block of one) and records 1–20 only its first name and city.</summary>
    private static (BlockingIndex Index, ulong[] Lead, int Count) OneSharingTheEmailTwentyTheCity()
    {
        var email = BlockingKey.Of('m', "janedoeacmecom");
        var crowd = BlockingKey.Of('f', "jane", "lond");
        var records = new List<ulong[]> { new[] { email, crowd } };
        records.AddRange(Enumerable.Range(0, 20).Select(_ => new[] { crowd }));
        return (BlockingIndex.Build(records), [email, crowd], records.Count);
    }

    [Fact]
    public void Build_BlockLargerThanCap_Dropped()
    {
        var common = BlockingKey.Of('f', "john", "new york");
        var records = Enumerable.Range(0, BlockingIndex.MaxBlockSize + 1).Select(_ => new[] { common }).ToList();
        var found = new List<int>();

        BlockingIndex.Build(records).Collect([common], new int[records.Count], new float[records.Count], 1, keepShare: 0, found);

        found.ShouldBeEmpty();
    }

    [Fact]
    public void Build_ManyKeysAcrossPartitions_EveryKeyFindsExactlyItsRecordsInOrder()
    {
        // 100,000 records with up to 6 keys each drawn from 30,000 (plain and loose): blocks of every size, in every
        // partition of the table, some over the caps.
        var random = new Random(7);
        var pool = Enumerable.Range(0, 30_000)
            .Select(k => k % 5 == 0 ? BlockingKey.Loose('f', $"name{k}") : BlockingKey.Of('n', $"key{k}"))
            .ToArray();
        var records = Enumerable.Range(0, 100_000)
            .Select(_ => Enumerable.Range(0, random.Next(1, 7)).Select(_ => pool[(int)Math.Pow(random.NextDouble(), 2) * pool.Length]).Distinct().ToArray())
            .ToList();
        var looseMax = Math.Clamp(records.Count / 200, 3, 10);
        var expected = records.SelectMany((keys, record) => keys.Select(key => (key, record)))
            .GroupBy(p => p.key)
            .Where(g => g.Count() <= ((g.Key & BlockingKey.LooseBit) != 0 ? looseMax : BlockingIndex.MaxBlockSize))
            .ToDictionary(g => g.Key, g => g.Select(p => p.record).ToArray());
        var index = BlockingIndex.Build(records);
        var stamps = new int[records.Count];
        var weights = new float[records.Count];

        index.BlockCount.ShouldBe(expected.Count);
        var stamp = 0;
        foreach (var key in pool)
        {
            var found = new List<int>();
            index.Collect([key], stamps, weights, ++stamp, keepShare: 0, found);
            found.ToArray().ShouldBe(expected.GetValueOrDefault(key, []), $"key {key}");
        }
    }

    [Fact]
    public void Build_FullBlocks_RecordsInTheOrderGiven()
    {
        // 7,000 keys each held by 29 records, given interleaved: the sort by key is free to mix each block's records.
        const int keys = 7_000;
        var records = Enumerable.Range(0, keys * 29).Select(r => new[] { BlockingKey.Of('n', $"key{r % keys}") }).ToList();
        var index = BlockingIndex.Build(records);

        for (var k = 0; k < keys; k += 97)
        {
            var found = new List<int>();
            index.Collect([BlockingKey.Of('n', $"key{k}")], new int[records.Count], new float[records.Count], 1, keepShare: 0, found);
            found.ToArray().ShouldBe(Enumerable.Range(0, 29).Select(i => k + (i * keys)).ToArray());
        }
    }

    [Fact]
    public void Of_PartsSplitDifferently_DifferentKeys() =>
        BlockingKey.Of('x', "ab", "c").ShouldNotBe(BlockingKey.Of('x', "a", "bc"));

    [Fact]
    public void Fit_AgreementMostlyAmongMatches_PositiveAgreementNegativeDisagreementWeight()
    {
        FieldPrior[] fields = [new("Name", [0.7, 0.1, 0.1, 0.1], [0.1, 0.1, 0.1, 0.7])];
        var model = new FellegiSunterModel(fields);
        model.EstimateU(new Dictionary<int, long> { [Pattern(FieldAgreement.Exact)] = 10, [Pattern(FieldAgreement.Disagree)] = 9_990 });

        model.Fit(new Dictionary<int, long> { [Pattern(FieldAgreement.Exact)] = 900, [Pattern(FieldAgreement.Disagree)] = 1_100 }, 900, 1_000_000);

        model.Weight(0, FieldAgreement.Exact).ShouldBeGreaterThan(5);
        model.Weight(0, FieldAgreement.Disagree).ShouldBeLessThan(0);
        model.Weight(0, FieldAgreement.Missing).ShouldBe(0);
        model.Iterations.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Fit_RandomPairsAreOftenMatches_MatchesTakenOutOfU()
    {
        // A 100 x 100 problem: the "random" pairs are all pairs, and the 80 exact emails among them are true matches.
        FieldPrior[] fields = [new("Name", [0.7, 0.1, 0.1, 0.1], [0.05, 0.05, 0.05, 0.85]), new("Email", [0.7, 0.1, 0.1, 0.1], [0.001, 0.01, 0.01, 0.979])];
        var model = new FellegiSunterModel(fields);
        model.EstimateU(new Dictionary<int, long>
        {
            [Pattern(FieldAgreement.Exact, FieldAgreement.Exact)] = 80, [Pattern(FieldAgreement.Exact, FieldAgreement.Disagree)] = 100,
            [Pattern(FieldAgreement.Disagree, FieldAgreement.Disagree)] = 9_820,
        });
        var uncorrected = model.U(1, FieldAgreement.Exact);

        model.Fit(new Dictionary<int, long>
        {
            [Pattern(FieldAgreement.Exact, FieldAgreement.Exact)] = 80, [Pattern(FieldAgreement.Exact, FieldAgreement.Disagree)] = 100,
            [Pattern(FieldAgreement.Disagree, FieldAgreement.Disagree)] = 300,
        }, 80, 10_000);

        model.U(1, FieldAgreement.Exact).ShouldBeLessThan(uncorrected / 4);
        model.U(1, FieldAgreement.Exact).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Match_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Should.Throw<OperationCanceledException>(() =>
            new PeopleMatcher().Match(DemoWorldRecords.Contacts, [new PersonRecord("x") { FirstName = "Ann" }], cancellationToken: cancelled.Token));
    }

    private static int Pattern(FieldAgreement level) => AgreementPattern.Pack([new FieldComparison(level, 0)]);

    private static int Pattern(FieldAgreement first, FieldAgreement second) =>
        AgreementPattern.Pack([new FieldComparison(first, 0), new FieldComparison(second, 0)]);
}
