namespace SalesBridge.Matching.Normalisation;

/// <summary>A street line with its common abbreviations written out ("12 Main St." = "12 Main Street", "Hauptstr." = "Hauptstrasse").</summary>
public static class StreetAddress
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["st"] = "street", ["str"] = "strasse", ["rd"] = "road", ["ave"] = "avenue", ["av"] = "avenue", ["blvd"] = "boulevard",
        ["dr"] = "drive", ["ln"] = "lane", ["ct"] = "court", ["pl"] = "place", ["sq"] = "square", ["hwy"] = "highway",
        ["pkwy"] = "parkway", ["ste"] = "suite", ["fl"] = "floor", ["n"] = "north", ["s"] = "south", ["e"] = "east", ["w"] = "west",
        ["cres"] = "crescent", ["tce"] = "terrace", ["cl"] = "close",
    };

    public static string Normalise(string? street)
    {
        var tokens = MatchText.Tokens(MatchText.Normalise(street));
        for (var i = 0; i < tokens.Length; i++)
        {
            if (Abbreviations.TryGetValue(tokens[i], out var full))
            {
                tokens[i] = full;
            }
            else if (tokens[i].Length > 4 && tokens[i].EndsWith("str", StringComparison.Ordinal))
            {
                tokens[i] += "asse";
            }
        }

        return string.Join(' ', tokens);
    }
}
