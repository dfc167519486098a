namespace SalesBridge.Emulator.DemoWorld;

/// <summary>Leads plus which of them duplicate an existing contact (contact index → lead index).</summary>
internal sealed class GeneratedLeads(int count)
{
    public List<CrmLead> Rows { get; } = new(count);
    public Dictionary<int, int> LeadOfContact { get; } = [];

    /// <summary>Index into the accounts when the lead's company is an existing customer, else -1.</summary>
    public int[] AccountIndexes { get; } = new int[count];

    public DemoCountry[] Countries { get; } = new DemoCountry[count];
}

/// <summary>
/// Leads as a real org has them: mostly new people at new companies, some new people at existing customers,
/// and some that duplicate a contact the CRM already holds (the classic lead-vs-contact dedupe case).
/// </summary>
internal static class LeadGenerator
{
    public static GeneratedLeads Generate(
        DemoWorldSpec spec, GeneratedAccounts accounts, GeneratedContacts contacts, RecordOwners owners, DemoRandom random)
    {
        var leads = new GeneratedLeads(spec.LeadCount);
        for (var i = 0; i < spec.LeadCount; i++)
        {
            var p = random.NextDouble();
            var lead = p < 0.15 && contacts.Rows.Count > 0
                ? FromContact(i, leads, accounts, contacts, random)
                : null;
            lead ??= p < 0.3 && accounts.Rows.Count > 0
                ? AtCustomer(i, leads, accounts, contacts, random)
                : AtNewCompany(i, leads, accounts, contacts, random);

            leads.Rows.Add(lead with
            {
                Id = random.NextGuid(),
                OwnerId = owners.ForRecord(random),
                CreatedOn = random.Before(spec.Now, 540),
            });
        }

        return leads;
    }

    private static CrmLead? FromContact(
        int leadIndex, GeneratedLeads leads, GeneratedAccounts accounts, GeneratedContacts contacts, DemoRandom random)
    {
        var contactIndex = random.Next(contacts.Rows.Count);
        var accountIndex = contacts.AccountIndexes[contactIndex];
        if (accountIndex < 0 || !leads.LeadOfContact.TryAdd(contactIndex, leadIndex))
        {
            return null;
        }

        var contact = contacts.Rows[contactIndex];
        leads.AccountIndexes[leadIndex] = accountIndex;
        leads.Countries[leadIndex] = contacts.Countries[contactIndex];
        return Draft(contact.FirstName, contact.LastName, accounts.Rows[accountIndex].Name, contact.EmailAddress1, contact.JobTitle);
    }

    private static CrmLead AtCustomer(
        int leadIndex, GeneratedLeads leads, GeneratedAccounts accounts, GeneratedContacts contacts, DemoRandom random)
    {
        var accountIndex = random.Next(accounts.Rows.Count);
        var country = accounts.Countries[accountIndex];
        leads.AccountIndexes[leadIndex] = accountIndex;
        leads.Countries[leadIndex] = country;
        return NewPerson(country, accounts.Rows[accountIndex].Name, accounts.Domains[accountIndex], contacts, random);
    }

    private static CrmLead AtNewCompany(
        int leadIndex, GeneratedLeads leads, GeneratedAccounts accounts, GeneratedContacts contacts, DemoRandom random)
    {
        var country = DemoCountries.Pick(random);
        var baseName = CompanyNaming.BaseName(country, random);
        var domain = CompanyNaming.UniqueDomain(baseName, country, random, accounts.TakenDomains);
        var suffix = random.Chance(0.3) ? random.Pick(country.LegalSuffixes) : null;
        leads.AccountIndexes[leadIndex] = -1;
        leads.Countries[leadIndex] = country;
        return NewPerson(country, CompanyNaming.WithSuffix(baseName, suffix), domain, contacts, random);
    }

    private static CrmLead NewPerson(DemoCountry country, string company, string domain, GeneratedContacts contacts, DemoRandom random)
    {
        var names = PersonNames.For(country, random);
        var first = names.FirstName(random);
        var last = names.LastName(random);
        var email = random.Chance(0.9) ? ContactGenerator.UniqueEmail(first, last, domain, random, contacts.TakenEmails) : null;
        return Draft(first.Display, last.Display, company, email, random.Chance(0.85) ? JobTitles.Pick(random) : null);
    }

    private static CrmLead Draft(string first, string last, string company, string? email, string? title) =>
        new(Guid.Empty, first, last, company, email, title, Guid.Empty, default);
}
