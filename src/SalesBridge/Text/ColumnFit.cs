namespace SalesBridge.Text;

/// <summary>Text made to fit a column's maximum length.</summary>
public static class ColumnFit
{
    /// <summary>
    /// The first <paramref name="maxLength"/> characters: for names and values that come from elsewhere, where an
    /// added mark would read as part of the value.
    /// </summary>
    public static string Cut(string text, int maxLength) => text.Length <= maxLength ? text : text[..maxLength];

    /// <summary>At most <paramref name="maxLength"/> characters, ending in "…" when shortened, so a reader sees text is missing: messages and descriptions.</summary>
    public static string Shortened(string text, int maxLength) => text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";
}
