using SalesBridge.CrmImport;
using SalesBridge.Matching;

namespace SalesBridge.Tests.CrmMatches;

public sealed class MatchEvidenceTests
{
    private static readonly FieldEvidence[] Evidence =
    [
        new("FirstName", "Jon", "John", FieldAgreement.Close, 0.93, 3.456),
        new("LastName", "Müller", "Müller", FieldAgreement.Exact, 1, 7.1),
        new("Email", null, "anna@example.com", FieldAgreement.Missing, 0, 0),
        new("State", null, null, FieldAgreement.Missing, 0, 0),
        new("Company", new string('x', 60), "Other", FieldAgreement.Disagree, 0.1, -2.5),
    ];

    [Fact]
    public void WriteThenRead_KeepsFieldLevelValuesAndWeight_TheCrmRecordBeingTheEnginesLeadSide()
    {
        var read = MatchEvidence.Read(MatchEvidence.Write(Evidence));

        read.Count.ShouldBe(5);
        read[0].ShouldBe(new MatchFieldEvidence("FirstName", "close", "Jon", "John", 3.46));
        read[1].ShouldBe(new MatchFieldEvidence("LastName", "agree", "Müller", "Müller", 7.1));
        read[4].Comparison.ShouldBe("disagree");
        read[4].Weight.ShouldBe(-2.5);
        read[4].CrmValue!.Length.ShouldBe(MatchEvidence.MaxValueLength);
        read[4].CrmValue!.ShouldEndWith("…");
    }

    [Fact]
    public void Missing_ReadsAsMissingWithNoWeight_WhicheverSideLacksIt()
    {
        var read = MatchEvidence.Read(MatchEvidence.Write(Evidence));

        read[2].ShouldBe(new MatchFieldEvidence("Email", "missing", null, "anna@example.com", 0));
        read[3].ShouldBe(new MatchFieldEvidence("State", "missing", null, null, 0));
        MatchEvidence.Line(read).ShouldContain("email missing (— | anna@example.com)");
        MatchEvidence.Line(read).ShouldNotContain("state missing 0");
    }

    [Fact]
    public void Write_IsCompact_SameValuesOnceAndAFieldBothLackAsItsNameAlone()
    {
        var stored = MatchEvidence.Write(Evidence)!;

        stored.ShouldContain("[\"LastName\",\"a\",7.1,\"Müller\"]");
        stored.ShouldContain("[\"State\"]");
        MatchEvidence.Write([]).ShouldBeNull();
    }

    [Fact]
    public void Line_NamesEachFieldItsComparisonSignedWeightAndValues()
    {
        var line = MatchEvidence.Line(MatchEvidence.Read(MatchEvidence.Write(Evidence)));

        line.ShouldStartWith("first name close +3.46 (Jon | John); last name agree +7.1 (Müller); ");
        line.ShouldContain("company disagree -2.5 (");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"a\":1}")]
    [InlineData("[[]]")]
    public void Read_NothingOrDamagedText_IsNoEvidence_NotAFailure(string? stored) => MatchEvidence.Read(stored).ShouldBeEmpty();
}
