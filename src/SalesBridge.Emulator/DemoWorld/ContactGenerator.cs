namespace SalesBridge.Emulator.DemoWorld;

/// <summary>Contacts plus, by index, their account and country, and each account's contacts.</summary>
internal sealed class GeneratedContacts(int count)
{
    public List<CrmContact> Rows { get; } = new(count);

    /// <summary>Index into the accounts, -1 for a contact without one.</summary>
    public int[] AccountIndexes { get; } = new int[count];

    public DemoCountry[] Countries { get; } = new DemoCountry[count];

    /// <summary>Contact indexes grouped by account (CSR layout: no list per account, cheap at 200,000 rows).</summary>
    public int[] ByAccountStart { get; set; } = [];
    public int[] ByAccount { get; set; } = [];

    public ReadOnlySpan<int> OfAccount(int accountIndex) =>
        ByAccount.AsSpan(ByAccountStart[accountIndex], ByAccountStart[accountIndex + 1] - ByAccountStart[accountIndex]);

    public HashSet<string> TakenEmails { get; } = new(StringComparer.OrdinalIgnoreCase);
}

internal static class ContactGenerator
{
    public static GeneratedContacts Generate(
        DemoWorldSpec spec, GeneratedAccounts accounts, RecordOwners owners, DemoRandom random)
    {
        var contacts = new GeneratedContacts(spec.ContactCount);
        var accountCount = accounts.Rows.Count;
        for (var i = 0; i < spec.ContactCount; i++)
        {
            // Skewed so a few big customers have dozens of contacts and most have a handful.
            var accountIndex = accountCount > 0 && random.Chance(0.88) ? random.Skewed(accountCount, 1.5) : -1;
            var account = accountIndex >= 0 ? accounts.Rows[accountIndex] : null;
            var country = account is null ? DemoCountries.Pick(random) : accounts.Countries[accountIndex];
            var city = account is null || random.Chance(0.1) ? random.Pick(country.Cities) : accounts.Cities[accountIndex];
            var names = PersonNames.For(country, random);
            var first = names.FirstName(random);
            var last = names.LastName(random);
            var email = account is null
                ? (random.Chance(0.5) ? UniqueEmail(first, last, random.Pick(country.PersonalMailDomains), random, contacts.TakenEmails) : null)
                : (random.Chance(0.92) ? UniqueEmail(first, last, accounts.Domains[accountIndex], random, contacts.TakenEmails) : null);

            contacts.AccountIndexes[i] = accountIndex;
            contacts.Countries[i] = country;
            contacts.Rows.Add(new CrmContact(
                random.NextGuid(),
                first.Display,
                last.Display,
                $"{first.Display} {last.Display}",
                email,
                random.Chance(0.9) ? JobTitles.Pick(random) : null,
                random.Chance(0.7) ? country.Phone(random, city) : null,
                random.Chance(0.55) ? MobilePhone(country, random) : null,
                city.Name,
                country.Name,
                account?.Id,
                account is not null && random.Chance(0.7) ? account.OwnerId : owners.ForRecord(random),
                account is null ? random.Before(spec.Now, 5 * 365) : random.Between(account.CreatedOn, spec.Now)));
        }

        GroupByAccount(contacts, accountCount);
        return contacts;
    }

    public static string MobilePhone(DemoCountry country, DemoRandom random) =>
        $"+{country.PhonePrefix} {random.Between(2, 9)}{random.Digits(2)} {random.Digits(3)} {random.Digits(4)}";

    /// <summary>Company address conventions vary; the same person shows up as first.last, flast or first.</summary>
    public static string UniqueEmail(DemoName first, DemoName last, string domain, DemoRandom random, HashSet<string> taken)
    {
        var local = random.Next(100) switch
        {
            < 55 => $"{first.Slug}.{last.Slug}",
            < 75 => $"{first.Slug[..Math.Min(1, first.Slug.Length)]}{last.Slug}",
            < 83 => first.Slug,
            < 90 => $"{first.Slug}_{last.Slug}",
            < 95 => $"{last.Slug}.{first.Slug}",
            _ => $"{first.Slug}{last.Slug}",
        };
        var email = $"{local}@{domain}";
        for (var n = 2; !taken.Add(email); n++)
        {
            email = $"{local}{n}@{domain}";
        }

        return email;
    }

    private static void GroupByAccount(GeneratedContacts contacts, int accountCount)
    {
        var start = new int[accountCount + 1];
        foreach (var accountIndex in contacts.AccountIndexes)
        {
            if (accountIndex >= 0)
            {
                start[accountIndex + 1]++;
            }
        }

        for (var a = 0; a < accountCount; a++)
        {
            start[a + 1] += start[a];
        }

        var next = (int[])start.Clone();
        var grouped = new int[start[accountCount]];
        for (var c = 0; c < contacts.AccountIndexes.Length; c++)
        {
            var accountIndex = contacts.AccountIndexes[c];
            if (accountIndex >= 0)
            {
                grouped[next[accountIndex]++] = c;
            }
        }

        contacts.ByAccountStart = start;
        contacts.ByAccount = grouped;
    }
}
