using SalesBridge.CrmMatches;

namespace SalesBridge.Tests.CrmMatches;

/// <summary>The ids Create record gives CRM rows: RFC 9562 version 5, so a retry derives the very same id.</summary>
public sealed class NameBasedGuidTests
{
    [Fact]
    public void Create_MatchesTheRfcVector_AndIsStable()
    {
        // RFC 9562 Appendix A.4: namespace DNS, name "www.example.com".
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        NameBasedGuid.Create(dns, "www.example.com").ShouldBe(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
        NameBasedGuid.Create(NameBasedGuid.CrmRows, "contact/a/b").ShouldBe(NameBasedGuid.Create(NameBasedGuid.CrmRows, "contact/a/b"));
        NameBasedGuid.Create(NameBasedGuid.CrmRows, "contact/a/b").ShouldNotBe(NameBasedGuid.Create(NameBasedGuid.CrmRows, "account/a/b"));
    }
}
