using System.Text.Json.Nodes;

namespace SalesBridge.Dataverse;

/// <summary>
/// A change-tracking read: enumerate it for the changes (every row on a first read), then keep
/// <see cref="DeltaLink"/> for the next read; or go page by page with <see cref="ReadPagesAsync"/> to keep each page's
/// next link, so an interrupted read can carry on. An expired token throws <see cref="DataverseChangeTokenExpiredException"/>
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

    /// <summary>The pages one by one, each with the link to the next page or, on the last, the delta link.</summary>
    public async IAsyncEnumerable<TrackedPage> ReadPagesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? next = _firstUrl;
        while (next is not null)
        {
            var page = await _fetch(next, cancellationToken).ConfigureAwait(false);
            Pages++;
            var changes = new List<TrackedChange>();
            foreach (var item in page["value"]?.AsArray() ?? [])
            {
                if (item is not JsonObject row) continue;
                changes.Add(IsDeletion(row) && Guid.TryParse(row["id"]?.GetValue<string>(), out var id)
                    ? new TrackedChange.Deleted(id)
                    : new TrackedChange.Upserted(row));
            }
            next = page["@odata.nextLink"]?.GetValue<string>();
            if (next is null) DeltaLink = page["@odata.deltaLink"]?.GetValue<string>();
            yield return new TrackedPage(changes, next, next is null ? DeltaLink : null);
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerator<TrackedChange> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in ReadPagesAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var change in page.Changes) yield return change;
        }
    }

    private static bool IsDeletion(JsonObject row) =>
        row["@odata.context"]?.GetValue<string>()?.EndsWith("$deletedEntity", StringComparison.Ordinal) == true
        || row["reason"]?.GetValue<string>() == "deleted";
}

/// <summary>
/// One page of a change-tracking read: its changes, and either <see cref="NextLink"/> (more pages follow) or, on the
/// last page, <see cref="DeltaLink"/> (for the next read).
/// </summary>
public sealed record TrackedPage(IReadOnlyList<TrackedChange> Changes, string? NextLink, string? DeltaLink);
