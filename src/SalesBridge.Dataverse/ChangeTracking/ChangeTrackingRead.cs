using System.Text.Json.Nodes;

namespace SalesBridge.Dataverse;

/// <summary>
/// A change-tracking read: enumerate it for the changes (every row on a first read), then keep
/// <see cref="DeltaLink"/> for the next read. An expired token throws <see cref="DataverseChangeTokenExpiredException"/>
/// when enumerated; read the table in full again then.
/// </summary>
public sealed class ChangeTrackingRead : IAsyncEnumerable<TrackedChange>
{
    private readonly Func<string, CancellationToken, Task<JsonObject>> _fetch;
    private readonly string _firstUrl;

    internal ChangeTrackingRead(string firstUrl, Func<string, CancellationToken, Task<JsonObject>> fetch)
    {
        _firstUrl = firstUrl;
        _fetch = fetch;
    }

    /// <summary>The link for the next delta read; set once the enumeration has reached the last page.</summary>
    public string? DeltaLink { get; private set; }

    /// <summary>How many pages were read.</summary>
    public int Pages { get; private set; }

    /// <inheritdoc/>
    public async IAsyncEnumerator<TrackedChange> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        string? next = _firstUrl;
        while (next is not null)
        {
            var page = await _fetch(next, cancellationToken).ConfigureAwait(false);
            Pages++;
            foreach (var item in page["value"]?.AsArray() ?? [])
            {
                if (item is not JsonObject row) continue;
                yield return IsDeletion(row) && Guid.TryParse(row["id"]?.GetValue<string>(), out var id)
                    ? new TrackedChange.Deleted(id)
                    : new TrackedChange.Upserted(row);
            }
            next = page["@odata.nextLink"]?.GetValue<string>();
            if (next is null) DeltaLink = page["@odata.deltaLink"]?.GetValue<string>();
        }
    }

    private static bool IsDeletion(JsonObject row) =>
        row["@odata.context"]?.GetValue<string>()?.EndsWith("$deletedEntity", StringComparison.Ordinal) == true
        || row["reason"]?.GetValue<string>() == "deleted";
}
