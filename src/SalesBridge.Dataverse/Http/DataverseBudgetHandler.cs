namespace SalesBridge.Dataverse.Http;

/// <summary>
/// The outermost step: waits until the request fits in the org's request budget (<see cref="OrgRequestBudget"/>), before
/// the retries and their per-attempt timeouts start, so that waiting for the window to slide never counts as a timed-out
/// attempt. A retry of a failed attempt is not budgeted again: it follows a failure, when the org's own Retry-After or the
/// back-off paces it.
/// </summary>
internal sealed class DataverseBudgetHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var budget = DataverseConnection.Of(request).Budget is { } orgBudget
            ? await orgBudget.AcquireAsync(request, cancellationToken).ConfigureAwait(false)
            : null;
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
