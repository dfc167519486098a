using System.Globalization;
using SalesBridge.Emulator.Protocol;

namespace SalesBridge.Emulator.WebApi;

/// <summary>One segment of a Web API resource path: a name and, when present, what stood in parentheses.</summary>
public sealed record PathSegment(string Name, string? Parameters)
{
    public override string ToString() => Parameters is null ? Name : $"{Name}({Parameters})";
}

/// <summary>
/// Splits the part of a URL after <c>/api/data/v9.2/</c> into segments, keeping parentheses and quoted
/// literals (which may contain '/') whole.
/// </summary>
public static class ResourcePath
{
    public static IReadOnlyList<PathSegment> Parse(string path)
    {
        var segments = new List<PathSegment>();
        var start = 0;
        var depth = 0;
        var quoted = false;
        for (var i = 0; i <= path.Length; i++)
        {
            var c = i < path.Length ? path[i] : '/';
            if (c == '\'' ) quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')') depth--;
            else if (!quoted && depth == 0 && c == '/')
            {
                if (i > start) segments.Add(ParseSegment(path[start..i]));
                start = i + 1;
            }
        }
        if (quoted || depth != 0) throw DataverseErrors.BadRequest($"Bad Request - Error in query syntax.", DataverseErrors.QueryParseError);
        return segments;
    }

    private static PathSegment ParseSegment(string text)
    {
        var open = text.IndexOf('(');
        if (open < 0) return new PathSegment(Uri.UnescapeDataString(text), null);
        if (!text.EndsWith(')')) throw DataverseErrors.BadRequest("Bad Request - Error in query syntax.", DataverseErrors.QueryParseError);
        return new PathSegment(Uri.UnescapeDataString(text[..open]), Uri.UnescapeDataString(text[(open + 1)..^1]));
    }

    /// <summary>
    /// Parses key or function parameters: a bare GUID, or <c>name=literal</c> pairs separated by commas.
    /// Literals keep their OData form (quoted strings, numbers, GUIDs, <c>@alias</c>).
    /// </summary>
    public static KeyParameters ParseParameters(string text)
    {
        var trimmed = text.Trim();
        if (Guid.TryParseExact(trimmed, "D", out var id)) return new KeyParameters(id, new Dictionary<string, string>());
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = 0;
        var quoted = false;
        for (var i = 0; i <= trimmed.Length; i++)
        {
            if (i < trimmed.Length && trimmed[i] == '\'') quoted = !quoted;
            if (i == trimmed.Length || (!quoted && trimmed[i] == ','))
            {
                var pair = trimmed[start..i];
                var eq = pair.IndexOf('=');
                if (eq <= 0) throw InvalidKey(text);
                named[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
                start = i + 1;
            }
        }
        return new KeyParameters(null, named);
    }

    /// <summary>Converts an OData literal to a CLR value: 'text' (with '' escapes), GUID, integer, decimal, true/false, null.</summary>
    public static object? ParseLiteral(string literal)
    {
        if (literal.Length >= 2 && literal[0] == '\'' && literal[^1] == '\'') return literal[1..^1].Replace("''", "'");
        if (literal == "null") return null;
        if (literal is "true" or "false") return literal == "true";
        if (Guid.TryParseExact(literal, "D", out var guid)) return guid;
        if (int.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) return i;
        if (long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
        if (decimal.TryParse(literal, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)) return d;
        throw DataverseErrors.BadRequest($"Unrecognized literal '{literal}'.", DataverseErrors.QueryParseError);
    }

    public static DataverseFault InvalidKey(string text) =>
        DataverseErrors.BadRequest($"Bad Request - Error in query syntax. The key '{text}' is not a valid GUID or alternate key.",
            DataverseErrors.QueryParseError);
}

/// <summary>A row key: the primary key, or named alternate-key values (still as OData literals).</summary>
public sealed record KeyParameters(Guid? Id, IReadOnlyDictionary<string, string> Named);
