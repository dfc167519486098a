namespace SalesBridge.Matching;

/// <summary>Ties workspace companies to CRM accounts one-to-one, the same way <see cref="PeopleMatcher"/> ties people.</summary>
public sealed class CompanyMatcher(MatchingOptions? options = null)
{
    public MatchingOptions Options { get; } = options ?? new MatchingOptions();

    public MatchRun Match(IReadOnlyList<CompanyRecord> crm, IReadOnlyList<CompanyRecord> leads, IProgress<MatchProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("The company matching engine is built on the matching branch.");
}
