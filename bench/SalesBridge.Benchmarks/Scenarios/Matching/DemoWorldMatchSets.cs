using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Matching;

namespace SalesBridge.Benchmarks.Scenarios.Matching;

/// <summary>The demo world's workspace people and companies as leads, its contacts and accounts as the CRM, with truth.</summary>
public static class DemoWorldMatchSets
{
    public static LabelledMatchSet<PersonRecord> People(GeneratedWorld world, int? crmLimit = null, int? leadLimit = null)
    {
        var accountNames = world.Accounts.ToDictionary(a => a.Id, a => a.Name);
        var contacts = crmLimit is { } limit ? world.Contacts.Take(limit).ToList() : world.Contacts.ToList();
        var crm = contacts.Select(c => new PersonRecord(c.Id.ToString())
        {
            FirstName = c.FirstName, LastName = c.LastName, Email = c.EmailAddress1,
            Company = c.ParentAccountId is { } account ? accountNames[account] : null,
            JobTitle = c.JobTitle, Phone = c.MobilePhone ?? c.Telephone1, City = c.City, Country = c.Country,
        }).ToList();
        var inCrm = contacts.Select(c => c.Id).ToHashSet();

        // Leads whose true contact was left out of a trimmed CRM are dropped rather than counted as "no match".
        var people = world.WorkspacePeople.Where(p => p.CrmContactId is null || inCrm.Contains(p.CrmContactId.Value));
        if (leadLimit is { } leadCount)
        {
            people = people.Take(leadCount);
        }

        var leads = new List<PersonRecord>();
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in people)
        {
            leads.Add(new PersonRecord(p.Id.ToString())
            {
                FirstName = p.FirstName, LastName = p.LastName, Email = p.Email, Company = p.CompanyName, JobTitle = p.Title,
                Phone = p.Phone, City = p.City, Country = p.Country,
            });
            if (p.CrmContactId is { } contact)
            {
                truth[p.Id.ToString()] = contact.ToString();
            }
        }

        return new LabelledMatchSet<PersonRecord>("demo-people", crm, leads, truth);
    }

    public static LabelledMatchSet<CompanyRecord> Companies(GeneratedWorld world)
    {
        var crm = world.Accounts.Select(a => new CompanyRecord(a.Id.ToString())
        {
            Name = a.Name, Website = a.WebsiteUrl, Phone = a.Telephone1, City = a.City, State = a.StateOrProvince, Country = a.Country,
        }).ToList();
        var leads = world.WorkspaceCompanies.Select(c => new CompanyRecord(c.Id.ToString())
        {
            Name = c.Name, Website = c.Website, City = c.City, Country = c.Country,
        }).ToList();
        var truth = world.WorkspaceCompanies.Where(c => c.CrmAccountId is not null)
            .ToDictionary(c => c.Id.ToString(), c => c.CrmAccountId!.Value.ToString(), StringComparer.Ordinal);
        return new LabelledMatchSet<CompanyRecord>("demo-companies", crm, leads, truth);
    }
}
