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
        var labels = host.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (labels.Length < 2)
        {
            return host;
        }

        var keep = labels.Length >= 3 && labels[^1].Length == 2 && SecondLevel.Contains(labels[^2]) ? 3 : 2;
        return string.Join('.', labels[^Math.Min(keep, labels.Length)..]);
    }

    /// <summary>The registrable domain without its public suffix: "acme.co.uk" → "acme".</summary>
    public static string Label(string registrable)
    {
        var dot = registrable.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? registrable : registrable[..dot];
    }
}
