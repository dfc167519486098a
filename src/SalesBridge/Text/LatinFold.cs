using System.Text;

namespace SalesBridge.Text;

/// <summary>
/// Folds accented Latin letters to their ASCII base ("Müller" → "Muller", "Łukasz" → "Lukasz") so that a search
/// or a comparison does not depend on how a name was typed. A table rather than Unicode decomposition because the
/// app runs with invariant globalization, where <see cref="string.Normalize()"/> does not decompose.
/// </summary>
public static class LatinFold
{
    // Pairs of (accented letters, their ASCII base), covering Latin-1 Supplement and Latin Extended-A.
    private static readonly (string From, string To)[] Groups =
    [
        ("ÀÁÂÃÄÅĀĂĄ", "A"), ("àáâãäåāăą", "a"), ("ÇĆĈĊČ", "C"), ("çćĉċč", "c"), ("ĎĐ", "D"), ("ďđð", "d"),
        ("ÈÉÊËĒĔĖĘĚ", "E"), ("èéêëēĕėęě", "e"), ("ĜĞĠĢ", "G"), ("ĝğġģ", "g"), ("ĤĦ", "H"), ("ĥħ", "h"),
        ("ÌÍÎÏĨĪĬĮİ", "I"), ("ìíîïĩīĭįı", "i"), ("Ĵ", "J"), ("ĵ", "j"), ("Ķ", "K"), ("ķ", "k"),
        ("ĹĻĽĿŁ", "L"), ("ĺļľŀł", "l"), ("ÑŃŅŇ", "N"), ("ñńņňŉ", "n"), ("ÒÓÔÕÖØŌŎŐ", "O"), ("òóôõöøōŏő", "o"),
        ("ŔŖŘ", "R"), ("ŕŗř", "r"), ("ŚŜŞŠ", "S"), ("śŝşš", "s"), ("ŢŤŦ", "T"), ("ţťŧ", "t"),
        ("ÙÚÛÜŨŪŬŮŰŲ", "U"), ("ùúûüũūŭůűų", "u"), ("Ŵ", "W"), ("ŵ", "w"), ("ÝŸŶ", "Y"), ("ýÿŷ", "y"),
        ("ŹŻŽ", "Z"), ("źżž", "z"), ("Æ", "AE"), ("æ", "ae"), ("Œ", "OE"), ("œ", "oe"), ("ß", "ss"), ("Þ", "TH"), ("þ", "th"),
    ];

    private static readonly Dictionary<char, string> Folds = Groups
        .SelectMany(group => group.From.Select(letter => (letter, group.To)))
        .ToDictionary(pair => pair.letter, pair => pair.To);

    public static string Fold(string text)
    {
        var index = text.AsSpan().IndexOfAnyExceptInRange('\0', '\u007f');
        if (index < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 4).Append(text, 0, index);
        foreach (var c in text.AsSpan(index))
        {
            if (Folds.TryGetValue(c, out var folded))
            {
                builder.Append(folded);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
