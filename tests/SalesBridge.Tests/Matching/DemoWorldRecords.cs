using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Matching;

namespace SalesBridge.Tests.Matching;

/// <summary>The default demo world as matcher input with its truth, generated once for all tests (it is deterministic).</summary>
public static class DemoWorldRecords
{
    private static readonly Lazy<GeneratedWorld> World = new(() => DemoWorldGenerator.Generate(DemoWorldSpec.Demo));

    public static IReadOnlyList<PersonRecord> Contacts => LazyContacts.Value;

    private static readonly Lazy<List<PersonRecord>> LazyContacts = new(() =>
    {
        var accounts = World.Value.Accounts.ToDictionary(a => a.Id, a => a.Name);
        return World.Value.Contacts.Select(c => new PersonRecord(c.Id.ToString())
        {
            FirstName = c.FirstName, LastName = c.LastName, Email = c.EmailAddress1,
            Company = c.ParentAccountId is { } account ? accounts[account] : null,
            JobTitle = c.JobTitle, Phone = c.MobilePhone ?? c.Telephone1, City = c.City, Country = c.Country,
        }).ToList();
    });

    public static (List<PersonRecord> Leads, Dictionary<string, string> Truth) People()
    {
        var people = World.Value.WorkspacePeople;
        var leads = people.Select(p => new PersonRecord(p.Id.ToString())
        {
            FirstName = p.FirstName, LastName = p.LastName, Email = p.Email, Company = p.CompanyName, JobTitle = p.Title,
            Phone = p.Phone, City = p.City, Country = p.Country,
        }).ToList();
        var truth = people.Where(p => p.CrmContactId is not null).ToDictionary(p => p.Id.ToString(), p => p.CrmContactId!.Value.ToString());
        return (leads, truth);
    }

    public static (List<CompanyRecord> Crm, List<CompanyRecord> Leads, Dictionary<string, string> Truth) Companies()
    {
        var crm = World.Value.Accounts.Select(a => new CompanyRecord(a.Id.ToString())
        {
            Name = a.Name, Website = a.WebsiteUrl, Phone = a.Telephone1, City = a.City, State = a.StateOrProvince, Country = a.Country,
        }).ToList();
        var leads = World.Value.WorkspaceCompanies.Select(c => new CompanyRecord(c.Id.ToString())
        {
            Name = c.Name, Website = c.Website, City = c.City, Country = c.Country,
        }).ToList();
        var truth = World.Value.WorkspaceCompanies.Where(c => c.CrmAccountId is not null)
            .ToDictionary(c => c.Id.ToString(), c => c.CrmAccountId!.Value.ToString());
        return (crm, leads, truth);
    }

    /// <summary>Precision and recall of a run against the truth.</summary>
    public static (double Precision, double Recall) Quality(MatchRun run, Dictionary<string, string> truth)
    {
        var matched = run.Results.Where(r => r.CrmId is not null).ToList();
        var correct = matched.Count(r => truth.TryGetValue(r.LeadId, out var crm) && crm == r.CrmId);
        return (matched.Count == 0 ? 1 : correct / (double)matched.Count, correct / (double)truth.Count);
    }
}
