using System.Globalization;

namespace SalesBridge.Emulator.Hosting;

/// <summary>Reads the command line's <c>--org name[:seed[:size]]</c>.</summary>
public static class AdditionalOrgArgument
{
    public static AdditionalOrg Parse(string text)
    {
        var parts = text.Split(':');
        var name = parts[0].Trim();
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
        {
            throw new ArgumentException($"The org name '{name}' must be lower-case letters and digits, as an org URL name is.", nameof(text));
        }
        var seed = parts.Length > 1
            ? int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s
                : throw new ArgumentException($"The seed '{parts[1]}' of --org {text} is not a whole number.", nameof(text))
            : BitConverter.ToInt32(Schema.StableId.For("org-seed", name).ToByteArray()) & 0x7fffffff; // stable across runs, unlike string hashes
        return new AdditionalOrg(name, seed, parts.Length > 2 ? parts[2] : "tiny");
    }
}
