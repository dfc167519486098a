namespace SalesBridge.Dataverse;

public partial class DataverseClient
{
    /// <summary>
    /// Reads a change-tracked table: with no <paramref name="link"/> every row (a first, full read), otherwise what
    /// changed since that delta link, deletions included. A <c>@odata.nextLink</c> kept from an interrupted read is a
    /// valid <paramref name="link"/> too: the read carries on from that page. The table must have change tracking enabled.
    /// </summary>
    public virtual ChangeTrackingRead ReadChanges(string entitySet, IReadOnlyList<string> select, string? link = null, ChangeTrackingOptions? options = null)
    {
        var first = link ?? EntitySet(entitySet) + (select.Count > 0 ? "?$select=" + string.Join(",", select.Select(ODataFilter.Column)) : "");
        var prefer = $"odata.track-changes,odata.maxpagesize={_connection.Options.PageSize}";
        if (options?.IncludeAnnotations is { } annotations) prefer += $",odata.include-annotations=\"{annotations}\"";
        return new ChangeTrackingRead(first, async (url, cancellationToken) =>
        {
            using var request = NewRequest(HttpMethod.Get, url, options, safeToRetry: true);
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
            return await SendForObjectAsync(request, cancellationToken).ConfigureAwait(false);
        });
    }
}
