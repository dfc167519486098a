using System.Text.Json.Nodes;

namespace SalesBridge.Dataverse;

public partial class DataverseClient
{
    /// <summary>
    /// Reads a change-tracked table: with no <paramref name="deltaLink"/> every row (a first, full read), otherwise
    /// what changed since that link, deletions included. The table must have change tracking enabled.
    /// </summary>
    public virtual ChangeTrackingRead ReadChanges(string entitySet, IReadOnlyList<string> select, string? deltaLink = null, RequestOptions? options = null)
    {
        var first = deltaLink ?? EntitySet(entitySet) + (select.Count > 0 ? "?$select=" + string.Join(",", select.Select(ODataFilter.Column)) : "");
        return new ChangeTrackingRead(first, async (url, cancellationToken) =>
        {
            using var request = NewRequest(HttpMethod.Get, url, options, safeToRetry: true);
            request.Headers.TryAddWithoutValidation("Prefer", $"odata.track-changes,odata.maxpagesize={_connection.Options.PageSize}");
            return await SendForObjectAsync(request, cancellationToken).ConfigureAwait(false);
        });
    }
}
