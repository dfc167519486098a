namespace SalesBridge.Emulator.DemoWorld;

/// <summary>A CRM person as a prospecting tool shows them: the same human, told differently.</summary>
internal static class WorkspacePersonVariations
{
    public static WorkspacePerson FromContact(
        int c, GeneratedContacts contacts, GeneratedAccounts accounts, GeneratedWorkspaceCompanies companies,
        Guid? leadId, DemoRandom random)
    {
        var contact = contacts.Rows[c];
        var (first, last, variations) = Names(contact.FirstName, contact.LastName, random);
        var title = contact.JobTitle;
        if (title is not null && random.Chance(0.2))
        {
            title = JobTitles.Changed(title, random);
            variations |= DemoVariation.TitleChanged;
        }

        var accountIndex = contacts.AccountIndexes[c];
        var companyIndex = accountIndex >= 0 ? companies.OfAccount[accountIndex] : -1;
        var email = contact.EmailAddress1;
        var city = contact.City;
        var country = contact.Country;
        if (accountIndex >= 0 && companies.Rows.Count > 1 && random.Chance(0.07))
        {
            // Moved on: the workspace knows the new employer, the CRM still the old one. Still the same person.
            var moved = random.Next(companies.Rows.Count);
            companyIndex = moved == companyIndex ? (moved + 1) % companies.Rows.Count : moved;
            city = companies.Rows[companyIndex].City;
            country = companies.Rows[companyIndex].Country;
            email = email is null ? null : WorkEmail(first, last, companies.Domains[companyIndex]);
            variations |= DemoVariation.MovedCompany;
        }
        else if (accountIndex < 0 && companies.Rows.Count > 0 && random.Chance(0.5))
        {
            companyIndex = random.Next(companies.Rows.Count);
        }

        var p = random.NextDouble();
        if (email is not null && p < 0.12)
        {
            email = null;
            variations |= DemoVariation.EmailMissing;
        }
        else if (p < 0.2)
        {
            email = PersonalEmail(first, last, contacts.Countries[c], random);
            variations |= DemoVariation.PersonalEmail;
        }
        else if (email is null && companyIndex >= 0 && p < 0.5)
        {
            email = WorkEmail(contact.FirstName, contact.LastName, companies.Domains[companyIndex]);
        }

        var company = companyIndex >= 0 ? companies.Rows[companyIndex] : null;
        var companyName = company?.Name ?? (accountIndex >= 0 ? accounts.Rows[accountIndex].Name : null);
        return new WorkspacePerson(random.NextGuid(), first, last, title, companyName, company?.Id, email,
            random.Chance(0.5) ? contact.MobilePhone ?? contact.Telephone1 : null, city, country, contact.Id, leadId, variations);
    }

    public static WorkspacePerson FromLead(CrmLead lead, DemoCountry country, WorkspaceCompany? company, DemoRandom random)
    {
        var (first, last, variations) = Names(lead.FirstName, lead.LastName, random);
        var email = lead.EmailAddress1;
        if (email is not null && random.Chance(0.1))
        {
            email = null;
            variations |= DemoVariation.EmailMissing;
        }

        return new WorkspacePerson(random.NextGuid(), first, last, lead.JobTitle, company?.Name ?? lead.CompanyName,
            company?.Id, email, null, company?.City ?? random.Pick(country.Cities).Name, country.Name, null, lead.Id, variations);
    }

    public static string WorkEmail(string first, string last, string domain) =>
        $"{Diacritics.Slug(first)}.{Diacritics.Slug(last)}@{domain}";

    private static string PersonalEmail(string first, string last, DemoCountry country, DemoRandom random) =>
        $"{Diacritics.Slug(first)}{(random.Chance(0.5) ? "." : "")}{Diacritics.Slug(last)}{random.Between(1, 99)}@{random.Pick(country.PersonalMailDomains)}";

    private static (string First, string Last, DemoVariation Variations) Names(string first, string last, DemoRandom random)
    {
        var variations = DemoVariation.None;
        if (random.Chance(0.35) && Nicknames.TryGet(first, random, out var nickname))
        {
            first = nickname;
            variations |= DemoVariation.Nickname;
        }

        if (random.Chance(0.06))
        {
            (first, last) = random.Chance(0.5) || !Diacritics.HasAny(first)
                ? (first, TextVariations.AccentOrCase(last, random))
                : (TextVariations.AccentOrCase(first, random), last);
            variations |= DemoVariation.AccentOrCaseChanged;
        }

        if (random.Chance(0.04))
        {
            (first, last) = random.Chance(0.7) ? (first, TextVariations.Typo(last, random)) : (TextVariations.Typo(first, random), last);
            variations |= DemoVariation.Typo;
        }

        return (first, last, variations);
    }
}
