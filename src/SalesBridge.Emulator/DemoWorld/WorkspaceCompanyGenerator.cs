namespace SalesBridge.Emulator.DemoWorld;

/// <summary>Workspace companies plus, by index, their domain and place, and which company each account became.</summary>
internal sealed class GeneratedWorkspaceCompanies(int accountCount)
{
    public List<WorkspaceCompany> Rows { get; } = [];
    public List<string> Domains { get; } = [];
    public List<DemoCountry> Countries { get; } = [];

    /// <summary>Workspace company index per account, -1 when the workspace does not know the account.</summary>
    public int[] OfAccount { get; } = new int[accountCount];
}

/// <summary>
/// Most CRM accounts as a prospecting tool lists them, each with the kind of differences real data has, plus
/// companies the CRM has never heard of.
/// </summary>
internal static class WorkspaceCompanyGenerator
{
    public static GeneratedWorkspaceCompanies Generate(DemoWorldSpec spec, GeneratedAccounts accounts, DemoRandom random)
    {
        var companies = new GeneratedWorkspaceCompanies(accounts.Rows.Count);
        for (var a = 0; a < accounts.Rows.Count; a++)
        {
            companies.OfAccount[a] = -1;
            if (random.Chance(spec.WorkspaceCompanyCoverage))
            {
                companies.OfAccount[a] = companies.Rows.Count;
                Add(companies, FromAccount(a, accounts, random), accounts.Domains[a], accounts.Countries[a]);
            }
        }

        var unmatched = (int)Math.Round(accounts.Rows.Count * spec.WorkspaceUnmatchedShare);
        for (var i = 0; i < unmatched; i++)
        {
            var country = DemoCountries.Pick(random);
            var baseName = CompanyNaming.BaseName(country, random);
            if (accounts.TakenBaseNames.Contains(baseName))
            {
                // Not a CRM customer, so it must not carry a customer's name by accident.
                baseName = $"{baseName} {random.Pick(country.Cities).Name}";
            }

            var domain = CompanyNaming.UniqueDomain(baseName, country, random, accounts.TakenDomains);
            var suffix = random.Chance(0.4) ? random.Pick(country.LegalSuffixes) : null;
            var company = new WorkspaceCompany(
                random.NextGuid(),
                CompanyNaming.WithSuffix(baseName, suffix),
                random.Chance(0.9) ? $"https://www.{domain}" : null,
                WorkspaceIndustries.Pick(random),
                random.Pick(country.Cities).Name,
                country.Name,
                random.Chance(0.85) ? AccountGenerator.EmployeeCount(random) : null,
                CrmAccountId: null,
                DemoVariation.None);
            Add(companies, company, domain, country);
        }

        return companies;
    }

    private static void Add(GeneratedWorkspaceCompanies companies, WorkspaceCompany company, string domain, DemoCountry country)
    {
        companies.Rows.Add(company);
        companies.Domains.Add(domain);
        companies.Countries.Add(country);
    }

    private static WorkspaceCompany FromAccount(int a, GeneratedAccounts accounts, DemoRandom random)
    {
        var account = accounts.Rows[a];
        var country = accounts.Countries[a];
        var variations = DemoVariation.None;
        var baseName = accounts.BaseNames[a];
        var suffix = accounts.LegalSuffixes[a];

        if (random.Chance(0.2))
        {
            suffix = TextVariations.SuffixVariant(suffix, country, random);
            variations |= DemoVariation.LegalSuffixChanged;
        }

        if (random.Chance(0.07) && TextVariations.TogglePrefixThe(baseName) is { } toggled)
        {
            baseName = toggled;
            variations |= DemoVariation.ThePrefixChanged;
        }

        if (random.Chance(0.04))
        {
            baseName = TextVariations.Typo(baseName, random);
            variations |= DemoVariation.Typo;
        }

        var name = CompanyNaming.WithSuffix(baseName, suffix);
        if (random.Chance(0.08))
        {
            name = TextVariations.AccentOrCase(name, random);
            variations |= DemoVariation.AccentOrCaseChanged;
        }

        string? website;
        if (random.Chance(0.08))
        {
            website = null;
            variations |= account.WebsiteUrl is null ? DemoVariation.None : DemoVariation.WebsiteMissing;
        }
        else if (account.WebsiteUrl is null || random.Chance(0.35))
        {
            website = TextVariations.WebsiteVariant(accounts.Domains[a], account.WebsiteUrl, random);
            variations |= account.WebsiteUrl is null ? DemoVariation.None : DemoVariation.WebsiteFormatChanged;
        }
        else
        {
            website = account.WebsiteUrl;
        }

        // Headcounts come from different sources and dates, so they rarely agree exactly.
        int? employees = account.NumberOfEmployees is { } count && random.Chance(0.9)
            ? Math.Max(1, (int)Math.Round(count * (0.7 + (random.NextDouble() * 0.7))))
            : null;

        return new WorkspaceCompany(random.NextGuid(), name, website, WorkspaceIndustries.ForIndustryCode(account.IndustryCode),
            account.City, account.Country, employees, account.Id, variations);
    }
}
