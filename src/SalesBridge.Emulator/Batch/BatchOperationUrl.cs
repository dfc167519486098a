namespace SalesBridge.Emulator.Batch;

/// <summary>
/// Where a request inside a batch goes, relative to the service root: <c>http://host/api/data/v9.2/accounts</c>,
/// <c>/api/data/v9.2/accounts</c> and <c>accounts</c> all mean <c>accounts</c>; <c>$1/...</c> starts with the row
/// that request 1 of the change set wrote.
/// </summary>
internal sealed record BatchOperationUrl(string RawPath, string Query)
{
    private const string ApiMarker = "/api/data/";

    /// <summary>The URL resolved against the change set's Content-IDs; a 400 part failure when <c>$n</c> is unknown.</summary>
    public static BatchOperationUrl Resolve(string url, ChangeSetContentIds? contentIds)
    {
        var text = url.Trim();
        var question = text.IndexOf('?');
        var query = question < 0 ? "" : text[question..];
        var path = question < 0 ? text : text[..question];

        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var authorityEnd = path.IndexOf('/', scheme + 3);
            path = authorityEnd < 0 ? "" : path[authorityEnd..];
        }
        var marker = path.IndexOf(ApiMarker, StringComparison.OrdinalIgnoreCase);
        if (marker >= 0)
        {
            var afterVersion = path.IndexOf('/', marker + ApiMarker.Length);
            path = afterVersion < 0 ? "" : path[(afterVersion + 1)..];
        }
        path = path.TrimStart('/');

        if (path.StartsWith('$') && !path.StartsWith("$metadata", StringComparison.Ordinal) && !path.StartsWith("$batch", StringComparison.Ordinal))
        {
            var end = path.IndexOf('/');
            var contentId = end < 0 ? path[1..] : path[1..end];
            var target = contentIds?.PathOf(contentId) ?? throw BatchErrors.UnknownContentId("$" + contentId);
            path = end < 0 ? target : target + path[end..];
        }
        return new BatchOperationUrl(path, query);
    }
}
