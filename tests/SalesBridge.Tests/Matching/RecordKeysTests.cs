using SalesBridge.Matching.Blocking;

namespace SalesBridge.Tests.Matching;

public sealed class RecordKeysTests
{
    [Fact]
    public void Builder_RunsAddedOutOfOrder_EachRecordGetsItsOwnKeys()
    {
        // Three runs of two records handed in as threads would finish them (the last first); the last run is short.
        var builder = new RecordKeys.Builder(records: 5, runLength: 2);
        builder.Add(4, [2], [40, 41]);
        builder.Add(0, [1, 3], [0, 10, 11, 12]);
        builder.Add(2, [20, 0], Enumerable.Range(200, 20).Select(k => (ulong)k).ToArray());

        var keys = builder.Build();

        keys.Count.ShouldBe(5);
        keys[0].ToArray().ShouldBe([0UL]);
        keys[1].ToArray().ShouldBe([10UL, 11, 12]);
        keys[2].ToArray().ShouldBe(Enumerable.Range(200, 20).Select(k => (ulong)k).ToArray());
        keys[3].IsEmpty.ShouldBeTrue();
        keys[4].ToArray().ShouldBe([40UL, 41]);
    }

    [Fact]
    public void Add_RunNotStartingAtAMultipleOfItsLength_Refused() =>
        Should.Throw<ArgumentException>(() => new RecordKeys.Builder(records: 4, runLength: 2).Add(1, [1], [7]));

    [Fact]
    public void Match_ManyRecordsOnSeveralThreads_SameResultAsOneRecordAtATime()
    {
        // The engine collects keys in runs per thread: a CRM large enough for several runs matches as the records do
        // one by one (each lead's candidates through the index built from the flat keys).
        var crm = Enumerable.Range(0, 3_000)
            .Select(i => new SalesBridge.Matching.PersonRecord($"c{i}") { FirstName = $"First{i % 97}", LastName = $"Last{i}", City = $"City{i % 13}", Email = $"p{i}@example{i % 50}.com" })
            .ToList();
        var leads = crm.Where((_, i) => i % 10 == 0).Select(c => c with { Id = "lead-" + c.Id }).ToList();

        var run = new SalesBridge.Matching.PeopleMatcher().Match(crm, leads);

        run.Results.Select(r => r.CrmId).ShouldBe(leads.Select(l => l.Id["lead-".Length..]));
    }
}
