namespace SalesBridge.Matching.Normalisation;

/// <summary>
/// A company name reduced to what identifies the company: accents, case and punctuation gone, "&amp;" read as "and",
/// a leading "The" and trailing legal forms (Inc, Ltd, LLC, GmbH, AG, S.A., SARL, BV, plc …) dropped, and common
/// abbreviations written out ("Intl" → "international"), so "The Keller Group, Inc." = "Keller Group".
/// </summary>
public static class CompanyName
{
    // Normalised (dots removed: "s.a." → "sa") legal forms, single tokens; multi-token forms end in one of these too.
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "ltd", "limited", "llc", "llp", "lp", "plc", "corp", "corporation", "co", "company", "gmbh",
        "ag", "kg", "kgaa", "ohg", "ug", "ev", "se", "sa", "sas", "sarl", "sasu", "eurl", "snc", "bv", "nv", "vof", "sl", "slu",
        "spa", "srl", "sapa", "ab", "as", "asa", "oy", "oyj", "aps", "pty", "pte", "pvt", "private", "kk", "lda", "ltda", "sro",
        "spzoo", "zoo", "sp", "doo", "bhd", "sdn", "pc", "pllc", "cv", "mbh", "cie", "holdings", "holding",
    };

    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["intl"] = "international", ["int"] = "international", ["mfg"] = "manufacturing", ["svcs"] = "services",
        ["svc"] = "services", ["assoc"] = "associates", ["assocs"] = "associates", ["bros"] = "brothers", ["tech"] = "technology",
        ["technologies"] = "technology", ["sys"] = "systems", ["natl"] = "national", ["grp"] = "group", ["dept"] = "department",
        ["mgmt"] = "management", ["ctr"] = "center", ["centre"] = "center", ["univ"] = "university", ["labs"] = "laboratories",
        ["lab"] = "laboratories", ["und"] = "and", ["et"] = "and", ["y"] = "and", ["e"] = "and", ["en"] = "and",
    };

    /// <summary>The normalised tokens joined by single spaces; empty when nothing identifying is left.</summary>
    public static string Normalise(string? name)
    {
        var tokens = Tokens(name);
        return string.Join(' ', tokens);
    }

    public static List<string> Tokens(string? name)
    {
        var text = MatchText.Normalise(name?.Replace("&", " and ", StringComparison.Ordinal).Replace("+", " and ", StringComparison.Ordinal));
        var tokens = new List<string>(MatchText.Tokens(text));
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Abbreviations.TryGetValue(tokens[i], out var full))
            {
                tokens[i] = full;
            }
        }

        if (tokens.Count > 1 && tokens[0] == "the")
        {
            tokens.RemoveAt(0);
        }

        // Drop legal forms from the end ("GmbH & Co. KG" → ends in kg, co, and, gmbh); keep at least one token.
        while (tokens.Count > 1 && (LegalForms.Contains(tokens[^1]) || (tokens[^1] == "and" && tokens.Count > 2)))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        return tokens;
    }
}
