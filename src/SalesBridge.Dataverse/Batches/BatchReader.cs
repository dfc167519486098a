using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesBridge.Dataverse;

/// <summary>Reads a <c>$batch</c> response: one <see cref="BatchResult"/> per answered request, change sets flattened in order.</summary>
internal static class BatchReader
{
    public static IReadOnlyList<BatchResult> Read(string body, string boundary)
    {
        var results = new List<BatchResult>();
        foreach (var (headers, content) in Parts(body, boundary))
        {
            if (ContentType(headers) is { MediaType: "multipart/mixed" } nested && Boundary(nested) is { } inner)
            {
                foreach (var (partHeaders, partContent) in Parts(content, inner)) results.Add(Response(partHeaders, partContent));
            }
            else
            {
                results.Add(Response(headers, content));
            }
        }
        return results;
    }

    public static string? Boundary(MediaTypeHeaderValue? contentType) =>
        contentType?.Parameters.FirstOrDefault(p => p.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"');

    private static MediaTypeHeaderValue? ContentType(Dictionary<string, string> headers) =>
        headers.TryGetValue("Content-Type", out var value) && MediaTypeHeaderValue.TryParse(value, out var parsed) ? parsed : null;

    /// <summary>Splits a multipart body into parts of (headers, content); tolerant of LF-only line ends.</summary>
    private static IEnumerable<(Dictionary<string, string> Headers, string Content)> Parts(string body, string boundary)
    {
        var text = body.Replace("\r\n", "\n", StringComparison.Ordinal);
        var delimiter = "--" + boundary;
        var chunks = text.Split(delimiter);
        foreach (var chunk in chunks.Skip(1))
        {
            if (chunk.StartsWith("--", StringComparison.Ordinal)) yield break;
            var part = chunk.TrimStart('\n');
            var split = part.IndexOf("\n\n", StringComparison.Ordinal);
            var headerText = split < 0 ? part : part[..split];
            var content = split < 0 ? "" : part[(split + 2)..];
            yield return (Headers(headerText), content.TrimEnd('\n'));
        }
    }

    private static Dictionary<string, string> Headers(string text)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return headers;
    }

    /// <summary>An <c>application/http</c> part: <c>HTTP/1.1 204 No Content</c>, headers, blank line, body.</summary>
    private static BatchResult Response(Dictionary<string, string> partHeaders, string content)
    {
        partHeaders.TryGetValue("Content-ID", out var contentId);
        var statusEnd = content.IndexOf('\n');
        var statusLine = statusEnd < 0 ? content : content[..statusEnd];
        var pieces = statusLine.Split(' ', 3);
        if (pieces.Length < 2 || !int.TryParse(pieces[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
        {
            throw new DataverseException($"A $batch response part did not start with an HTTP status line: '{statusLine}'.", null, null, content);
        }
        var rest = statusEnd < 0 ? "" : content[(statusEnd + 1)..];
        var split = rest.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = Headers(split < 0 ? rest : rest[..split]);
        var body = split < 0 ? "" : rest[(split + 2)..].Trim();
        var status = (HttpStatusCode)code;
        Guid? entityId = headers.TryGetValue("OData-EntityId", out var url) && url.LastIndexOf('(') is var open and >= 0
            && Guid.TryParse(url.AsSpan(open + 1, url.Length - open - 2), out var id) ? id : null;
        var json = body.StartsWith('{') ? JsonNode.Parse(body) as JsonObject : null;
        var error = code >= 400 ? DataverseErrorReader.Create(status, body, RetryAfter(headers)) : null;
        return new BatchResult(status, contentId, entityId, error is null ? json : null, error);
    }

    private static TimeSpan? RetryAfter(Dictionary<string, string> headers) =>
        headers.TryGetValue("Retry-After", out var value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
