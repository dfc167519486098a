namespace SalesBridge.Emulator.DemoWorld;

/// <summary>Company names and web domains, shared by accounts, leads' companies and workspace-only companies.</summary>
internal static class CompanyNaming
{
    private static readonly string[] Products =
    [
        "licenses", "Renewal", "Expansion", "Pilot", "Platform upgrade", "Support contract", "Implementation services",
        "Enterprise agreement", "Analytics add-on", "Training package", "Migration project", "Managed services",
    ];

    /// <summary>A name without legal suffix. Surnames dominate, as they do among real small and mid-sized firms.</summary>
    public static string BaseName(DemoCountry country, DemoRandom random)
    {
        var p = random.NextDouble();
        if (p < 0.5)
        {
            var names = PersonNames.For(country, random);
            var last = names.LastName(random).Display;
            return random.Chance(0.12)
                ? $"{last} & {names.LastName(random).Display}"
                : $"{last} {random.Pick(CompanyNameParts.Nouns)}";
        }

        if (p < 0.75)
        {
            var name = $"{random.Pick(CompanyNameParts.Descriptors)} {random.Pick(CompanyNameParts.Nouns)}";
            return random.Chance(0.06) ? "The " + name : name;
        }

        var brand = CompanyNameParts.Brand(random);
        return random.Chance(0.5) ? brand : $"{brand} {random.Pick(CompanyNameParts.Nouns)}";
    }

    /// <summary>Base name plus legal suffix, the way companies register themselves ("Acme, Inc.", "Keller GmbH").</summary>
    public static string WithSuffix(string baseName, string? suffix) => suffix switch
    {
        null => baseName,
        // Some firms register with the comma; keyed on the name so it needs no random draw and stays stable.
        "Inc." when baseName.Length % 4 == 0 => $"{baseName}, Inc.",
        _ => $"{baseName} {suffix}",
    };

    /// <summary>A domain not in <paramref name="taken"/>; adds it there.</summary>
    public static string UniqueDomain(string baseName, DemoCountry country, DemoRandom random, HashSet<string> taken)
    {
        var withoutThe = baseName.StartsWith("The ", StringComparison.Ordinal) ? baseName[4..] : baseName;
        var words = withoutThe.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var label = words.Length > 1 && random.Chance(0.25)
            ? string.Join('-', words.Select(Diacritics.Slug).Where(w => w.Length > 0))
            : Diacritics.Slug(withoutThe);
        if (label.Length == 0)
        {
            label = "company";
        }

        var tld = random.Chance(0.7) ? country.TopLevelDomain : "com";
        var domain = $"{label}.{tld}";
        for (var n = 2; !taken.Add(domain); n++)
        {
            domain = $"{label}{n}.{tld}";
        }

        return domain;
    }

    /// <summary>The many ways a CRM's website column holds the same site.</summary>
    public static string? Website(string domain, DemoRandom random) => random.Next(100) switch
    {
        < 65 => $"https://www.{domain}",
        < 77 => $"www.{domain}",
        < 85 => $"http://{domain}",
        < 93 => $"https://{domain}/",
        _ => null,
    };

    public static string OpportunityName(string customerName, DemoRandom random)
    {
        var product = random.Pick(Products);
        return product switch
        {
            "licenses" => $"{customerName} - {random.Between(1, 40) * 25} licenses",
            "Renewal" => $"{customerName} - Renewal {random.Between(2024, 2027)}",
            _ => $"{customerName} - {product}",
        };
    }
}
