using SalesBridge.Matching.Engine;
using SalesBridge.Matching.People;

namespace SalesBridge.Matching;

/// <summary>
/// Ties leads (workspace people) to CRM contacts/leads one-to-one: blocking on several keys, field comparisons,
/// Fellegi-Sunter weights learned by EM from the data itself, a one-to-one assignment and a threshold set for
/// precision. No EF, no HTTP: pure and thread-safe per call.
/// </summary>
public sealed class PeopleMatcher(MatchingOptions? options = null)
{
    public MatchingOptions Options { get; } = options ?? new MatchingOptions();

    public MatchRun Match(IReadOnlyList<PersonRecord> crm, IReadOnlyList<PersonRecord> leads, IProgress<MatchProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        new MatchEngine<PersonRecord, NormalisedPerson>(PersonDomain.Instance, Options).Run(crm, leads, progress, cancellationToken);

    /// <summary>The CRM ids blocking proposes for each lead (in the leads' order): for measuring pair completeness.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Candidates(IReadOnlyList<PersonRecord> crm, IReadOnlyList<PersonRecord> leads,
        CancellationToken cancellationToken = default) =>
        new MatchEngine<PersonRecord, NormalisedPerson>(PersonDomain.Instance, Options).Candidates(crm, leads, cancellationToken);
}
