namespace SalesBridge.Emulator.Batch;

/// <summary>
/// Reads the HTTP request inside an <c>application/http</c> part: <c>METHOD URL HTTP/1.1</c>, headers, a blank
/// line and the body. A part that ends after its headers (no blank line) has an empty body.
/// </summary>
internal static class BatchOperationParser
{
    private static readonly HashSet<string> Methods = ["GET", "POST", "PATCH", "PUT", "DELETE"];

    public static BatchOperation Read(MimePart part)
    {
        var data = part.Content.Span;
        var position = 0;
        ReadOnlySpan<byte> line;
        do
        {
            if (!MimeLines.TryRead(data, ref position, out line)) throw BatchErrors.InvalidRequestLine("");
        }
        while (MimeLines.IsBlank(line));
        var (method, url) = RequestLine(MimeLines.Text(line).Trim());

        var headers = new List<KeyValuePair<string, string>>();
        while (true)
        {
            var lineStart = position;
            if (!MimeLines.TryRead(data, ref position, out line) || MimeLines.IsBlank(line)) break;
            // Tolerance: a line that is not a header starts a body whose blank line is missing.
            if (MimeLines.Header(line) is not { } header)
            {
                position = lineStart;
                break;
            }
            headers.Add(header);
        }
        var body = part.Content[Math.Min(position, data.Length)..];
        var contentId = part.ContentId ?? headers.FirstOrDefault(h => h.Key.Equals("Content-ID", StringComparison.OrdinalIgnoreCase)).Value;
        return new BatchOperation(method, url, headers, TrimEnd(body), contentId);
    }

    // METHOD URL HTTP/1.1; the version may be missing, and a URL with unencoded spaces is taken whole.
    private static (string Method, string Url) RequestLine(string line)
    {
        var tokens = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2) throw BatchErrors.InvalidRequestLine(line);
        var method = tokens[0].ToUpperInvariant();
        if (!Methods.Contains(method)) throw BatchErrors.InvalidRequestLine(line);
        var hasVersion = tokens.Length > 2 && tokens[^1].StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase);
        if (hasVersion && !tokens[^1].StartsWith("HTTP/1.", StringComparison.OrdinalIgnoreCase)) throw BatchErrors.InvalidRequestLine(line);
        var start = line.IndexOf(tokens[1], tokens[0].Length, StringComparison.Ordinal);
        var end = hasVersion ? line.LastIndexOf(tokens[^1], StringComparison.Ordinal) : line.Length;
        var url = line[start..end].Trim();
        if (url.Length > BatchErrors.MaxUrlLength) throw BatchErrors.UrlTooLong(url.Length);
        var path = url.Split('?', 2)[0].TrimEnd('/');
        if (path == "$batch" || path.EndsWith("/$batch", StringComparison.Ordinal)) throw BatchErrors.NestedBatch();
        return (method, url);
    }

    // The line break before the next delimiter is already gone; trailing blank lines and spaces are not content.
    private static ReadOnlyMemory<byte> TrimEnd(ReadOnlyMemory<byte> body)
    {
        var span = body.Span;
        var end = span.Length;
        while (end > 0 && span[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') end--;
        return body[..end];
    }
}
