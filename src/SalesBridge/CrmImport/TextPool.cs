namespace SalesBridge.CrmImport;

/// <summary>
/// One instance per distinct value of a column that repeats (cities, countries, employers, titles, given names): the
/// database hands out a new string per row, and a directory of 200,000 people in a few hundred cities would otherwise
/// hold 200,000 copies of them while matching runs. Not for values that rarely repeat (emails, phones).
/// </summary>
internal sealed class TextPool
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public string? Of(string? text)
    {
        if (text is null) return null;
        if (values.TryGetValue(text, out var pooled)) return pooled;
        values[text] = text;
        return text;
    }
}
