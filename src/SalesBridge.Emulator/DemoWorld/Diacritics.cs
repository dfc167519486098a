using System.Text;

namespace SalesBridge.Emulator.DemoWorld;

/// <summary>
/// Folds accented letters to ASCII. Our own table because the app runs with invariant globalization, where
/// <see cref="string.Normalize()"/> does not decompose.
/// </summary>
internal static class Diacritics
{
    private static readonly Dictionary<char, string> Folds = Build();

    public static bool HasAny(string text)
    {
        foreach (var c in text)
        {
            if (c > 127 && Folds.ContainsKey(c))
            {
                return true;
            }
        }

        return false;
    }

    public static string Fold(string text)
    {
        if (!HasAny(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 2);
        foreach (var c in text)
        {
            builder.Append(Folds.TryGetValue(c, out var folded) ? folded : c.ToString());
        }

        return builder.ToString();
    }

    /// <summary>Lowercase ASCII letters and digits only: the part of a name that goes into an email or domain.</summary>
    public static string Slug(string text)
    {
        var folded = Fold(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static Dictionary<char, string> Build()
    {
        var map = new Dictionary<char, string>();
        void Add(string accented, string plain)
        {
            foreach (var c in accented)
            {
                map[c] = plain;
                map[char.ToUpperInvariant(c)] = plain.Length == 1 ? plain.ToUpperInvariant() : char.ToUpperInvariant(plain[0]) + plain[1..];
            }
        }

        Add("àáâãåāăą", "a");
        Add("çćčĉ", "c");
        Add("ďđ", "d");
        Add("èéêëēėęě", "e");
        Add("ğĝ", "g");
        Add("ìíîïīį", "i");
        Add("ł", "l");
        Add("ñńň", "n");
        Add("òóôõøō", "o");
        Add("řŕ", "r");
        Add("śšşș", "s");
        Add("ťţț", "t");
        Add("ùúûūůű", "u");
        Add("ýÿ", "y");
        Add("źżž", "z");
        // German convention for ä/ö/ü, which is also what people type in email addresses.
        Add("ä", "ae");
        Add("ö", "oe");
        Add("ü", "ue");
        Add("æ", "ae");
        Add("œ", "oe");
        map['ß'] = "ss";
        return map;
    }
}
