namespace SalesBridge.Emulator.Batch;

/// <summary>
/// Splits a <c>multipart/mixed</c> body into the contents of its parts (RFC 2046): a delimiter is a line that
/// starts with <c>--boundary</c>, optionally followed by whitespace; <c>--boundary--</c> closes the body. Text
/// before the first delimiter (preamble) and after the closing one (epilogue) is ignored, and the line break before
/// a delimiter belongs to the delimiter. One forward scan: the slices share the body's memory.
/// </summary>
internal static class MultipartBody
{
    public static List<ReadOnlyMemory<byte>> Split(ReadOnlyMemory<byte> body, string boundary)
    {
        var data = body.Span;
        var delimiter = System.Text.Encoding.ASCII.GetBytes("--" + boundary);
        var parts = new List<ReadOnlyMemory<byte>>();
        var partStart = -1;
        var position = 0;
        while (position < data.Length)
        {
            var found = data[position..].IndexOf(delimiter);
            if (found < 0) break;
            var at = position + found;
            if (!IsDelimiterLine(data, at, delimiter.Length, out var closes, out var next))
            {
                position = at + 1;
                continue;
            }
            if (partStart >= 0) parts.Add(body[partStart..WithoutLineBreak(data, partStart, at)]);
            if (closes) return parts;
            partStart = next;
            position = next;
        }
        throw partStart < 0 ? BatchErrors.BoundaryNotFound(boundary) : BatchErrors.UnexpectedEnd(boundary);
    }

    private static bool IsDelimiterLine(ReadOnlySpan<byte> data, int at, int length, out bool closes, out int next)
    {
        closes = false;
        next = 0;
        if (at > 0 && data[at - 1] != '\n') return false;
        var i = at + length;
        if (i + 1 < data.Length && data[i] == '-' && data[i + 1] == '-')
        {
            closes = true;
            i += 2;
        }
        while (i < data.Length && data[i] is (byte)' ' or (byte)'\t' or (byte)'\r') i++;
        if (i < data.Length && data[i] != '\n') return false;
        next = Math.Min(i + 1, data.Length);
        return true;
    }

    private static int WithoutLineBreak(ReadOnlySpan<byte> data, int start, int end)
    {
        if (end > start && data[end - 1] == '\n') end--;
        if (end > start && data[end - 1] == '\r') end--;
        return end;
    }
}
