namespace SalesBridge.Matching.Normalisation;

/// <summary>
/// Cyrillic and Greek letters to Latin (simple scholarly forms), so "Иван Петров" can meet "Ivan Petrov".
/// Letters outside these tables are kept and simply compared as they are.
/// </summary>
public static class Transliteration
{
    private static readonly Dictionary<char, string> Letters = Build();

    public static string ToLatin(string text)
    {
        var index = text.AsSpan().IndexOfAnyInRange('\u0370', '\u04ff');
        if (index < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 8).Append(text, 0, index);
        foreach (var c in text.AsSpan(index))
        {
            var lower = char.ToLowerInvariant(c);
            if (Letters.TryGetValue(lower, out var latin))
            {
                builder.Append(c == lower || latin.Length == 0 ? latin : char.ToUpperInvariant(latin[0]) + latin[1..]);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static Dictionary<char, string> Build()
    {
        const string cyrillic = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ";
        string[] cyrillicLatin =
        [
            "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
            "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g",
        ];
        const string greek = "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώς";
        string[] greekLatin =
        [
            "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "t", "y", "f", "ch",
            "ps", "o", "a", "e", "i", "i", "o", "y", "o", "s",
        ];
        var letters = new Dictionary<char, string>();
        for (var i = 0; i < cyrillic.Length; i++)
        {
            letters[cyrillic[i]] = cyrillicLatin[i];
        }

        for (var i = 0; i < greek.Length; i++)
        {
            letters[greek[i]] = greekLatin[i];
        }

        return letters;
    }
}
