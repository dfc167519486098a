namespace SalesBridge.Emulator.DemoWorld;

/// <summary>
/// Workspace people: most CRM contacts, part of the leads, and people the CRM does not have, a few of whom share
/// a contact's name without being that contact (the namesakes a matcher must not merge).
/// </summary>
internal static class WorkspacePersonGenerator
{
    public static List<WorkspacePerson> Generate(
        DemoWorldSpec spec, GeneratedAccounts accounts, GeneratedContacts contacts, GeneratedLeads leads,
        GeneratedWorkspaceCompanies companies, DemoRandom random)
    {
        var unmatched = (int)Math.Round(contacts.Rows.Count * spec.WorkspaceUnmatchedShare);
        var people = new List<WorkspacePerson>((int)(contacts.Rows.Count * spec.WorkspacePersonCoverage) + unmatched + leads.Rows.Count);
        for (var c = 0; c < contacts.Rows.Count; c++)
        {
            if (random.Chance(spec.WorkspacePersonCoverage))
            {
                Guid? leadId = leads.LeadOfContact.TryGetValue(c, out var l) ? leads.Rows[l].Id : null;
                people.Add(WorkspacePersonVariations.FromContact(c, contacts, accounts, companies, leadId, random));
            }
        }

        var leadOfContact = leads.LeadOfContact.Values.ToHashSet();
        for (var l = 0; l < leads.Rows.Count; l++)
        {
            if (!leadOfContact.Contains(l) && random.Chance(spec.WorkspacePersonCoverage * 0.7))
            {
                var accountIndex = leads.AccountIndexes[l];
                var companyIndex = accountIndex >= 0 ? companies.OfAccount[accountIndex] : -1;
                var company = companyIndex >= 0 ? companies.Rows[companyIndex] : null;
                people.Add(WorkspacePersonVariations.FromLead(leads.Rows[l], leads.Countries[l], company, random));
            }
        }

        for (var i = 0; i < unmatched; i++)
        {
            people.Add(Unmatched(contacts, companies, random));
        }

        return people;
    }

    private static WorkspacePerson Unmatched(GeneratedContacts contacts, GeneratedWorkspaceCompanies companies, DemoRandom random)
    {
        var companyIndex = companies.Rows.Count > 0 && random.Chance(0.85) ? random.Next(companies.Rows.Count) : -1;
        var company = companyIndex >= 0 ? companies.Rows[companyIndex] : null;
        var country = companyIndex >= 0 ? companies.Countries[companyIndex] : DemoCountries.Pick(random);
        string first;
        string last;
        if (contacts.Rows.Count > 0 && random.Chance(0.08))
        {
            var n = random.Next(contacts.Rows.Count);
            var namesake = contacts.Rows[n];
            (first, last) = (namesake.FirstName, namesake.LastName);
            if (contacts.AccountIndexes[n] >= 0 && companyIndex >= 0 && companyIndex == companies.OfAccount[contacts.AccountIndexes[n]])
            {
                // Same name at the same company would be the contact after all, and the truth would lie.
                (company, companyIndex) = (null, -1);
            }
        }
        else
        {
            var names = PersonNames.For(country, random);
            (first, last) = (names.FirstName(random).Display, names.LastName(random).Display);
        }

        var email = company is not null && random.Chance(0.7)
            ? WorkspacePersonVariations.WorkEmail(first, last, companies.Domains[companyIndex])
            : null;
        return new WorkspacePerson(random.NextGuid(), first, last, random.Chance(0.9) ? JobTitles.Pick(random) : null,
            company?.Name, company?.Id, email, random.Chance(0.3) ? ContactGenerator.MobilePhone(country, random) : null,
            company?.City ?? random.Pick(country.Cities).Name, country.Name, null, null, DemoVariation.None);
    }
}
