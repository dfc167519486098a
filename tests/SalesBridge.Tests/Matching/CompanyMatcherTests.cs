using SalesBridge.Matching;

namespace SalesBridge.Tests.Matching;

public sealed class CompanyMatcherTests
{
    [Fact]
    public void Match_DemoWorldCompanies_PrecisionAndRecallAboveFloor()
    {
        var (crm, leads, truth) = DemoWorldRecords.Companies();
        var run = new CompanyMatcher().Match(crm, leads);

        var (precision, recall) = DemoWorldRecords.Quality(run, truth);
        precision.ShouldBeGreaterThanOrEqualTo(0.97);
        recall.ShouldBeGreaterThanOrEqualTo(0.93);
    }

    [Fact]
    public void Match_SuffixTheAndWebsiteForm_MatchedOnNameAndDomain()
    {
        var (crm, _, _) = DemoWorldRecords.Companies();
        var account = new CompanyRecord("acct") { Name = "The Zephyrine Holdings Group, Inc.", Website = "https://www.zephyrine.co.uk/", City = "London", Country = "United Kingdom" };
        var lead = new CompanyRecord("lead") { Name = "Zephyrine Holdings Group", Website = "ZEPHYRINE.CO.UK", City = "London", Country = "GB" };

        var result = new CompanyMatcher().Match([.. crm, account], [lead]).Results.Single();

        result.CrmId.ShouldBe("acct");
        result.Explanation.Evidence.Single(e => e.Field == "Name").Agreement.ShouldBe(FieldAgreement.Exact);
        result.Explanation.Evidence.Single(e => e.Field == "Website").Agreement.ShouldBe(FieldAgreement.Exact);
        result.Explanation.Evidence.Single(e => e.Field == "Country").Agreement.ShouldBe(FieldAgreement.Exact);
        result.Explanation.Evidence.Single(e => e.Field == "Phone").Weight.ShouldBe(0);
    }
}
