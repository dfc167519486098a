namespace SalesBridge.Emulator.Metadata;

/// <summary>
/// <c>$select</c>, <c>$filter</c> and <c>$expand</c> of a metadata request, or of one expanded navigation
/// property (<c>$expand=Attributes($select=LogicalName;$filter=IsCustomAttribute eq true)</c>).
/// </summary>
public sealed record MetadataQueryOptions(
    IReadOnlyList<string>? Select,
    MetadataFilter? Filter,
    IReadOnlyDictionary<string, MetadataQueryOptions> Expand)
{
    public static readonly MetadataQueryOptions None = new(null, null, new Dictionary<string, MetadataQueryOptions>());

    public static MetadataQueryOptions Parse(string? select, string? filter, string? expand) => new(
        string.IsNullOrWhiteSpace(select) ? null : Split(select, ',').Select(s => s.Trim()).ToList(),
        string.IsNullOrWhiteSpace(filter) ? null : MetadataFilter.Parse(filter),
        ParseExpand(expand));

    /// <summary>The selection part of <c>@odata.context</c>: <c>(LogicalName,OptionSet(Options))</c>, or empty.</summary>
    public string ContextSelection()
    {
        var parts = (Select ?? []).Concat(Expand.Select(e => e.Key + e.Value.ContextSelection())).ToList();
        return parts.Count == 0 ? "" : $"({string.Join(',', parts)})";
    }

    private static Dictionary<string, MetadataQueryOptions> ParseExpand(string? expand)
    {
        var result = new Dictionary<string, MetadataQueryOptions>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(expand)) return result;
        foreach (var raw in Split(expand, ','))
        {
            var item = raw.Trim();
            var open = item.IndexOf('(');
            if (open < 0)
            {
                result[item] = None;
                continue;
            }
            if (!item.EndsWith(')')) throw MetadataErrors.BadQuery($"Syntax error in $expand at '{item}'.");
            string? select = null, filter = null, nested = null;
            foreach (var option in Split(item[(open + 1)..^1], ';'))
            {
                var eq = option.IndexOf('=');
                var name = eq < 0 ? option.Trim() : option[..eq].Trim();
                var value = eq < 0 ? "" : option[(eq + 1)..];
                switch (name)
                {
                    case "$select": select = value; break;
                    case "$filter": filter = value; break;
                    case "$expand": nested = value; break;
                    default: throw MetadataErrors.BadQuery($"The query option '{name}' is not supported inside $expand.");
                }
            }
            result[item[..open].Trim()] = Parse(select, filter, nested);
        }
        return result;
    }

    // Splits on a separator outside parentheses and quotes.
    private static IEnumerable<string> Split(string text, char separator)
    {
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'') quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')') depth--;
            else if (!quoted && depth == 0 && c == separator)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        if (start < text.Length) yield return text[start..];
    }
}
