using System.Text;

namespace SalesBridge.Emulator.Batch;

/// <summary>
/// Line-level reading of a MIME body held in memory. Lines end in CRLF or a bare LF (clients on every platform
/// send both); the terminator is never part of the line.
/// </summary>
internal static class MimeLines
{
    /// <summary>Reads the line starting at <paramref name="position"/> and moves past its terminator.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, scoped ref int position, out ReadOnlySpan<byte> line)
    {
        if (position >= data.Length)
        {
            line = default;
            return false;
        }
        var rest = data[position..];
        var lf = rest.IndexOf((byte)'\n');
        line = lf < 0 ? rest : rest[..lf];
        position = lf < 0 ? data.Length : position + lf + 1;
        if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
        return true;
    }

    public static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t"u8).IsEmpty;

    public static string Text(ReadOnlySpan<byte> line) => Encoding.UTF8.GetString(line);

    /// <summary>A <c>Name: value</c> header line (the space after the colon is optional), or null when the line is not one.</summary>
    public static KeyValuePair<string, string>? Header(ReadOnlySpan<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        if (colon <= 0) return null;
        var name = line[..colon].TrimEnd(" \t"u8);
        if (name.IsEmpty) return null;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit((char)c) || c is (byte)'-' or (byte)'_' or (byte)'.')) return null;
        }
        return new(Text(name), Text(line[(colon + 1)..].Trim(" \t"u8)));
    }
}
