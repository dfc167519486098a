using SalesBridge.Matching;
using SalesBridge.Matching.People;
using SalesBridge.Matching.Scoring;

namespace SalesBridge.Tests.Matching;

public sealed class RandomPairSampleTests
{
    [Fact]
    public void Histogram_SameSide_NeverPairsARecordWithItself()
    {
        var domain = new PersonDomain();
        var records = DemoWorldRecords.Contacts.Take(5).Select(domain.Normalise).ToArray();

        var across = RandomPairSample.Histogram(domain, records, records);
        var sameSide = RandomPairSample.Histogram(domain, records, records, sameSide: true);

        across.Values.Sum().ShouldBe(25);
        sameSide.Values.Sum().ShouldBe(20);
        // A record against itself agrees exactly wherever it has a value; no pair of two different contacts does.
        bool SelfLike(int pattern) => Enumerable.Range(0, domain.Fields.Count)
            .All(f => AgreementPattern.Level(pattern, f) is FieldAgreement.Exact or FieldAgreement.Missing);
        across.Keys.Count(SelfLike).ShouldBeGreaterThan(0);
        sameSide.Keys.Count(SelfLike).ShouldBe(0);
    }
}
