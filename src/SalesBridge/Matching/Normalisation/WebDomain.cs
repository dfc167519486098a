using System.Runtime.CompilerServices;
namespace SalesBridge.Matching.Normalisation;

/// <summary>
/// The registrable domain of a website or email host: scheme, "www", port, path and subdomains removed
/// ("HTTPS://WWW.shop.Acme.co.uk/about" → "acme.co.uk"), with its label ("acme") for comparing across country TLDs.
/// </summary>
public static class WebDomain
{
    // Second-level registries under country codes; enough of the public suffix list for business sites.
    private static readonly HashSet<string> SecondLevel = new(StringComparer.Ordinal)
    {
        "co", "com", "net", "org", "ac", "gov", "edu", "ltd", "plc", "gv", "or", "ne", "go", "gob", "nom", "biz", "info", "sch",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SecondLevelNames = SecondLevel.GetAlternateLookup<ReadOnlySpan<char>>();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Registrable(string? website)
    {
        if (string.IsNullOrWhiteSpace(website))
        {
            return "";
        }

        var host = website.Trim().ToLowerInvariant();
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        var at = host.LastIndexOf('@');
        if (at >= 0)
        {
            host = host[(at + 1)..];
        }

        var end = host.IndexOfAny(['/', '?', '#', ':', ' ']);
        if (end >= 0)
        {
            host = host[..end];
        }

        host = host.Trim('.');
        var last = host.LastIndexOf('.');
        var second = last <= 0 ? -1 : host.LastIndexOf('.', last - 1);
        if (second < 0)
        {
            return host;
        }

        // "acme.co.uk": a two-letter country code under a known second level keeps three labels.
        if (host.Length - last - 1 == 2 && SecondLevelNames.Contains(host.AsSpan(second + 1, last - second - 1)))
        {
            var third = second == 0 ? -1 : host.LastIndexOf('.', second - 1);
            return third < 0 ? host : host[(third + 1)..];
        }

        return host[(second + 1)..];
    }

    /// <summary>The registrable domain without its public suffix: "acme.co.uk" → "acme".</summary>
    public static string Label(string registrable)
    {
        var dot = registrable.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? registrable : registrable[..dot];
    }
}
