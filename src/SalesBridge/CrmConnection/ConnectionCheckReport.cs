namespace SalesBridge.CrmConnection;

/// <summary>Every check in order (those after a failure as skipped), what was learned about the org, and when.</summary>
public sealed record ConnectionCheckReport(IReadOnlyList<ConnectionCheckStep> Steps, CrmOrgFacts Org, DateTimeOffset CheckedAt)
{
    /// <summary>Whether the connection may be saved: no check failed (warnings allowed).</summary>
    public ConnectionCheckOutcome Outcome =>
        Steps.Any(s => s.Outcome == ConnectionCheckOutcome.Failed) ? ConnectionCheckOutcome.Failed
        : Steps.Any(s => s.Outcome == ConnectionCheckOutcome.Warning) ? ConnectionCheckOutcome.Warning
        : ConnectionCheckOutcome.Passed;

    /// <summary>The check with the given kind.</summary>
    public ConnectionCheckStep this[ConnectionCheckKind kind] => Steps.Single(s => s.Kind == kind);
}
