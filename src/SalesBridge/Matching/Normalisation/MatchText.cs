using System.Text;
using SalesBridge.Text;

namespace SalesBridge.Matching.Normalisation;

/// <summary>
/// The comparable form of free text: accents folded (and a few non-Latin scripts transliterated), lower case,
/// punctuation turned into single spaces. Apostrophes and dots vanish instead, so "O'Neil" and "O.N.G." stay one word.
/// </summary>
public static class MatchText
{
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var folded = Transliteration.ToLatin(LatinFold.Fold(text.Trim()));
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’' or '.' or '`')
            {
                // Joiners inside a word: "o'neil", "s.a." read as one token.
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The normalised text without spaces ("van der berg" → "vanderberg"), for compound-insensitive equality.</summary>
    public static string Compact(string normalised) => normalised.Contains(' ') ? normalised.Replace(" ", "", StringComparison.Ordinal) : normalised;

    public static string[] Tokens(string normalised) =>
        normalised.Length == 0 ? [] : normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
