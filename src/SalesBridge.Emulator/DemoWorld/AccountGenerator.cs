namespace SalesBridge.Emulator.DemoWorld;

/// <summary>Accounts plus what later generators need to know about each one, by index.</summary>
internal sealed class GeneratedAccounts(int count)
{
    public List<CrmAccount> Rows { get; } = new(count);
    public DemoCountry[] Countries { get; } = new DemoCountry[count];
    public DemoCity[] Cities { get; } = new DemoCity[count];
    public string[] BaseNames { get; } = new string[count];
    public string?[] LegalSuffixes { get; } = new string?[count];

    /// <summary>The web domain, kept even when the CRM has no website, because the company's emails still use it.</summary>
    public string[] Domains { get; } = new string[count];

    public HashSet<string> TakenBaseNames { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> TakenDomains { get; } = new(StringComparer.OrdinalIgnoreCase);
}

internal static class AccountGenerator
{
    // Industries real CRMs are heavy in; the rest of the 33 options still occur.
    private static readonly int[] CommonIndustries = [6, 7, 12, 16, 20, 22, 30, 33];

    public static GeneratedAccounts Generate(DemoWorldSpec spec, RecordOwners owners, DemoRandom random)
    {
        var accounts = new GeneratedAccounts(spec.AccountCount);
        for (var i = 0; i < spec.AccountCount; i++)
        {
            var country = DemoCountries.Pick(random);
            var city = random.Pick(country.Cities);
            var baseName = UniqueBaseName(country, city, random, accounts.TakenBaseNames);
            var suffix = random.Chance(0.55) ? random.Pick(country.LegalSuffixes) : null;
            var domain = CompanyNaming.UniqueDomain(baseName, country, random, accounts.TakenDomains);

            accounts.Countries[i] = country;
            accounts.Cities[i] = city;
            accounts.BaseNames[i] = baseName;
            accounts.LegalSuffixes[i] = suffix;
            accounts.Domains[i] = domain;
            accounts.Rows.Add(new CrmAccount(
                random.NextGuid(),
                CompanyNaming.WithSuffix(baseName, suffix),
                $"ACC-{i + 1:D6}",
                CompanyNaming.Website(domain, random),
                random.Chance(0.9) ? country.Phone(random, city) : null,
                city.Name,
                city.StateOrProvince,
                country.Name,
                random.Chance(0.4) ? random.Pick(CommonIndustries) : random.Between(1, 33),
                random.Chance(0.92) ? EmployeeCount(random) : null,
                owners.ForRecord(random),
                PrimaryContactId: null,
                random.Before(spec.Now, 6 * 365)));
        }

        return accounts;
    }

    /// <summary>Company sizes are heavy-tailed: many with a dozen people, a few with tens of thousands.</summary>
    public static int EmployeeCount(DemoRandom random) => (int)Math.Round(Math.Pow(10, 0.3 + (random.NextDouble() * 4.5)));

    private static string UniqueBaseName(DemoCountry country, DemoCity city, DemoRandom random, HashSet<string> taken)
    {
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var name = CompanyNaming.BaseName(country, random);
            if (taken.Add(name))
            {
                return name;
            }
        }

        // Real CRMs disambiguate same-named firms by place; past that, duplicates are realistic and allowed.
        var placed = $"{CompanyNaming.BaseName(country, random)} {city.Name}";
        taken.Add(placed);
        return placed;
    }
}
