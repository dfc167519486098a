using Microsoft.Net.Http.Headers;

namespace SalesBridge.Emulator.Batch;

/// <summary>
/// One MIME part of a batch or change set: its headers (<c>Content-Type</c>, <c>Content-Transfer-Encoding</c>,
/// <c>Content-ID</c>) and what follows them, either an HTTP request or a nested change set.
/// </summary>
internal sealed record MimePart(string? ContentId, string? ChangeSetBoundary, ReadOnlyMemory<byte> Content)
{
    public static MimePart Read(ReadOnlyMemory<byte> part)
    {
        var data = part.Span;
        var position = 0;
        string? contentType = null;
        string? contentId = null;
        while (true)
        {
            var lineStart = position;
            if (!MimeLines.TryRead(data, ref position, out var line) || MimeLines.IsBlank(line)) break;
            // Tolerance: some clients omit the blank line between the part's headers and the request line.
            if (MimeLines.Header(line) is not { } header)
            {
                position = lineStart;
                break;
            }
            if (header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = header.Value;
            else if (header.Key.Equals("Content-ID", StringComparison.OrdinalIgnoreCase)) contentId = header.Value;
        }
        var content = part[position..];
        if (contentType is null) throw BatchErrors.MissingContentType();
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)) throw BatchErrors.UnsupportedPartType(contentType);
        if (media.MediaType.Equals("application/http", StringComparison.OrdinalIgnoreCase)) return new MimePart(contentId, null, content);
        if (media.MediaType.Equals("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            return new MimePart(contentId, BatchRequestParser.Boundary(contentType), content);
        }
        throw BatchErrors.UnsupportedPartType(contentType);
    }
}
