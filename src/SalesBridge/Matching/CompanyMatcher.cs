using SalesBridge.Matching.Companies;
using SalesBridge.Matching.Engine;

namespace SalesBridge.Matching;

/// <summary>Ties workspace companies to CRM accounts one-to-one, the same way <see cref="PeopleMatcher"/> ties people.</summary>
public sealed class CompanyMatcher(MatchingOptions? options = null)
{
    public MatchingOptions Options { get; } = options ?? new MatchingOptions();

    public MatchRun Match(IReadOnlyList<CompanyRecord> crm, IReadOnlyList<CompanyRecord> leads, IProgress<MatchProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        new MatchEngine<CompanyRecord, NormalisedCompany>(CompanyDomain.Instance, Options).Run(crm, leads, progress, cancellationToken);

    /// <summary>The CRM ids blocking proposes for each lead (in the leads' order): for measuring pair completeness.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Candidates(IReadOnlyList<CompanyRecord> crm, IReadOnlyList<CompanyRecord> leads,
        CancellationToken cancellationToken = default) =>
        new MatchEngine<CompanyRecord, NormalisedCompany>(CompanyDomain.Instance, Options).Candidates(crm, leads, cancellationToken);
}
