namespace SalesBridge.Emulator.DemoWorld;

/// <summary>
/// The small corruptions real records show between two systems (compare the dev data's duplicates: dropped,
/// doubled and swapped letters, lost accents, shouting capitals). Each returns text that really differs.
/// </summary>
internal static class TextVariations
{
    private static readonly Dictionary<string, string[]> SuffixForms = new(StringComparer.Ordinal)
    {
        ["Inc."] = ["Inc", "Incorporated"], ["LLC"] = ["L.L.C.", "Llc"], ["Corp."] = ["Corporation", "Corp"],
        ["Co."] = ["Company"], ["Ltd"] = ["Ltd.", "Limited"], ["Ltd."] = ["Ltd", "Limited"], ["PLC"] = ["plc"],
        ["LLP"] = ["L.L.P."], ["GmbH"] = ["Gmbh"], ["AG"] = ["A.G."], ["GmbH & Co. KG"] = ["GmbH & Co KG", "GmbH"],
        ["KG"] = ["K.G."], ["S.A."] = ["SA"], ["SAS"] = ["S.A.S."], ["SARL"] = ["S.A.R.L.", "Sàrl"], ["B.V."] = ["BV"],
        ["N.V."] = ["NV"], ["S.L."] = ["SL"], ["S.p.A."] = ["SpA"], ["S.r.l."] = ["Srl", "S.R.L."], ["SA"] = ["S.A."],
    };

    /// <summary>One keyboard-style slip: a dropped, doubled, swapped or neighbouring letter.</summary>
    public static string Typo(string text, DemoRandom random)
    {
        if (text.Length < 3)
        {
            return text + text[^1];
        }

        var at = random.Between(1, text.Length - 2);
        var typo = random.Next(4) switch
        {
            0 => text.Remove(at, 1),
            1 => text.Insert(at, text[at].ToString()),
            2 => string.Concat(text.AsSpan(0, at), text.AsSpan(at + 1, 1), text.AsSpan(at, 1), text.AsSpan(at + 2)),
            _ => string.Concat(text.AsSpan(0, at), ((char)(char.IsAsciiLetterLower(text[at]) ? 'a' + ((text[at] - 'a' + 1) % 26) : 'e')).ToString(), text.AsSpan(at + 1)),
        };
        return typo == text ? text.Remove(at, 1) : typo;
    }

    /// <summary>Accents dropped when there are any, otherwise the case changed ("SMITH", "keller logistics").</summary>
    public static string AccentOrCase(string text, DemoRandom random)
    {
        if (Diacritics.HasAny(text) && random.Chance(0.8))
        {
            return Diacritics.Fold(text);
        }

        var changed = random.Chance(0.5) ? text.ToUpperInvariant() : text.ToLowerInvariant();
        return changed == text ? Diacritics.Fold(text).ToLowerInvariant() + "." : changed;
    }

    /// <summary>The legal suffix dropped, written another way, or added where the CRM has none.</summary>
    public static string? SuffixVariant(string? suffix, DemoCountry country, DemoRandom random)
    {
        if (suffix is null)
        {
            return random.Pick(country.LegalSuffixes);
        }

        return random.Chance(0.6) || !SuffixForms.TryGetValue(suffix, out var forms) ? null : random.Pick(forms);
    }

    /// <summary>"The Summit Group" ↔ "Summit Group"; one-word brands never get a "The", nobody writes "The Velora".</summary>
    public static string? TogglePrefixThe(string name) =>
        name.StartsWith("The ", StringComparison.OrdinalIgnoreCase) ? name[4..]
        : name.Contains(' ', StringComparison.Ordinal) ? "The " + name
        : null;

    /// <summary>The site as a prospecting tool writes it; different from <paramref name="crmWebsite"/> in form only.</summary>
    public static string WebsiteVariant(string domain, string? crmWebsite, DemoRandom random)
    {
        string[] forms = [domain, $"www.{domain}", $"https://{domain}", $"http://www.{domain}/", $"https://www.{domain}/", $"HTTPS://WWW.{domain.ToUpperInvariant()}"];
        var start = random.Next(forms.Length);
        for (var i = 0; i < forms.Length; i++)
        {
            var form = forms[(start + i) % forms.Length];
            if (!string.Equals(form, crmWebsite, StringComparison.Ordinal))
            {
                return form;
            }
        }

        return domain;
    }
}
