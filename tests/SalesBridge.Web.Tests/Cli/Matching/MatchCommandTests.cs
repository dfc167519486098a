using System.CommandLine;
using System.Globalization;
using System.Text;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Web.Cli;

namespace SalesBridge.Web.Tests.Cli.Matching;

/// <summary><c>salesbridge match</c> run in-process exactly as the command line parses it, on files in a temp folder.</summary>
public sealed class MatchCommandTests : IDisposable
{
    private static readonly GeneratedWorld World = DemoWorldGenerator.Generate(DemoWorldSpec.Demo);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("salesbridge-match-");

    [Fact]
    public async Task MatchPeople_DemoWorld_WritesEveryLeadAndMostMatchesAreRight()
    {
        var contactsById = World.Contacts.ToDictionary(contact => contact.Id);
        var accounts = World.Accounts.ToDictionary(account => account.Id);
        var crm = Write("crm.csv", "id,firstname,lastname,email,company,jobtitle,phone,city,state,country",
            World.Contacts.Select(c => Csv(c.Id.ToString(), c.FirstName, c.LastName, c.EmailAddress1,
                c.ParentAccountId is { } parent ? accounts[parent].Name : null, c.JobTitle, c.Telephone1, c.City, null, c.Country)));
        var leads = Write("leads.csv", "id,firstname,lastname,email,company,jobtitle,phone,city,country",
            World.WorkspacePeople.Select(p => Csv(p.Id.ToString(), p.FirstName, p.LastName, p.Email, p.CompanyName, p.Title, p.Phone, p.City, p.Country)));

        var (exit, output, _) = await RunAsync("match", "people", "--crm", crm, "--leads", leads, "--out", Path.Combine(_folder.FullName, "out.csv"));

        exit.ShouldBe(0);
        var rows = ReadOutput(output);
        rows.Select(row => row.LeadId).ShouldBe(World.WorkspacePeople.Select(p => p.Id.ToString()));
        var truth = World.WorkspacePeople.ToDictionary(p => p.Id.ToString(), p => p.CrmContactId?.ToString());
        var claimed = rows.Where(row => row.CrmId is not null).ToList();
        var right = claimed.Count(row => row.CrmId == truth[row.LeadId]);
        ((double)right / claimed.Count).ShouldBeGreaterThan(0.95, "precision");
        ((double)right / truth.Values.Count(id => id is not null)).ShouldBeGreaterThan(0.8, "recall");
        claimed.ShouldAllBe(row => contactsById.ContainsKey(Guid.Parse(row.CrmId!)));
        rows.ShouldAllBe(row => row.Score >= 0 && row.Score <= 1);
    }

    [Fact]
    public async Task MatchPeople_LeadsRepeatAPerson_EachCopyGetsTheOneCrmRecord()
    {
        // As a deduplication file split into "CRM vs leads" is: one record per person on the CRM side, two on the leads
        // side (one without email and phone). The one-to-one rule must not leave one of each pair unmatched.
        var accounts = World.Accounts.ToDictionary(account => account.Id);
        string? Company(Guid? parent) => parent is { } id ? accounts[id].Name : null;
        var crm = Write("crm.csv", "id,firstname,lastname,email,company,jobtitle,phone,city,state,country",
            World.Contacts.Select(c => Csv(c.Id.ToString(), c.FirstName, c.LastName, c.EmailAddress1, Company(c.ParentAccountId), c.JobTitle, c.Telephone1, c.City, null, c.Country)));
        var repeated = World.Contacts.Where(c => c.EmailAddress1 is not null && c.Telephone1 is not null).Take(100).ToList();
        var leads = Write("leads.csv", "id,firstname,lastname,email,company,jobtitle,phone,city,country",
            repeated.SelectMany(c => new[]
            {
                Csv($"{c.Id}-a", c.FirstName, c.LastName, c.EmailAddress1, Company(c.ParentAccountId), c.JobTitle, c.Telephone1, c.City, c.Country),
                Csv($"{c.Id}-b", c.FirstName, c.LastName, null, Company(c.ParentAccountId), c.JobTitle, null, c.City, c.Country),
            }));

        var (exit, output, _) = await RunAsync("match", "people", "--crm", crm, "--leads", leads, "--out", Path.Combine(_folder.FullName, "out.csv"));

        exit.ShouldBe(0);
        var rows = ReadOutput(output);
        rows.Count.ShouldBe(200);
        var bothCopies = repeated.Count(c => rows.Where(row => row.LeadId.StartsWith(c.Id.ToString(), StringComparison.Ordinal)).All(row => row.CrmId == c.Id.ToString()));
        bothCopies.ShouldBeGreaterThanOrEqualTo(95);
        rows.Where(row => row.CrmId is not null).ShouldAllBe(row => row.LeadId.StartsWith(row.CrmId!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MatchCompanies_DemoWorld_WritesEveryLeadAndMostMatchesAreRight()
    {
        var crm = Write("accounts.csv", "id,name,website,phone,city,state,country",
            World.Accounts.Select(a => Csv(a.Id.ToString(), a.Name, a.WebsiteUrl, a.Telephone1, a.City, a.StateOrProvince, a.Country)));
        var leads = Write("companies.csv", "name,id,website,city,country",
            World.WorkspaceCompanies.Select(c => Csv(c.Name, c.Id.ToString(), c.Website, c.City, c.Country)));

        var (exit, output, _) = await RunAsync("match", "companies", "--crm", crm, "--leads", leads, "--out", Path.Combine(_folder.FullName, "out.csv"));

        exit.ShouldBe(0);
        var rows = ReadOutput(output);
        rows.Count.ShouldBe(World.WorkspaceCompanies.Count);
        var truth = World.WorkspaceCompanies.ToDictionary(c => c.Id.ToString(), c => c.CrmAccountId?.ToString());
        var claimed = rows.Where(row => row.CrmId is not null).ToList();
        ((double)claimed.Count(row => row.CrmId == truth[row.LeadId]) / claimed.Count).ShouldBeGreaterThan(0.95, "precision");
    }

    [Fact]
    public async Task MatchPeople_UnknownColumn_WarnsOnStderrAndStillMatches()
    {
        var crm = Write("crm.csv", "id,firstname,lastname,email,city", [Csv("c1", "Ada", "Lovelace", "ada@analytical.example", "London")]);
        var leads = Write("leads.csv", "id,firstname,lastname,email,city,favourite_colour", [Csv("l1", "Ada", "Lovelace", "ada@analytical.example", "London", "green")]);

        var (exit, output, error) = await RunAsync("match", "people", "--crm", crm, "--leads", leads, "--out", Path.Combine(_folder.FullName, "out.csv"));

        exit.ShouldBe(0);
        error.ShouldContain("ignoring unknown column 'favourite_colour'");
        ReadOutput(output).ShouldHaveSingleItem().LeadId.ShouldBe("l1");
    }

    [Fact]
    public async Task MatchPeople_EmptyLeadsFile_ExitsWith2AndSaysWhy()
    {
        var crm = Write("crm.csv", "id,lastname", [Csv("c1", "Lovelace")]);
        var leads = Write("leads.csv", "", []);

        var (exit, output, error) = await RunAsync("match", "people", "--crm", crm, "--leads", leads, "--out", Path.Combine(_folder.FullName, "out.csv"));

        exit.ShouldBe(2);
        error.ShouldContain("leads.csv is empty");
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public async Task MatchPeople_MissingFileOrBadThreshold_ExitsWith2()
    {
        var crm = Write("crm.csv", "id,lastname", [Csv("c1", "Lovelace")]);
        var output = Path.Combine(_folder.FullName, "out.csv");

        (await RunAsync("match", "people", "--crm", crm, "--leads", Path.Combine(_folder.FullName, "nope.csv"), "--out", output)).Error.ShouldContain("does not exist");
        var (exit, _, error) = await RunAsync("match", "people", "--crm", crm, "--leads", crm, "--out", output, "--threshold", "1.5");
        exit.ShouldBe(2);
        error.ShouldContain("--threshold must be between 0 and 1");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var error = new StringWriter();
        var exit = await SalesBridgeCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Error = error, Output = new StringWriter() });
        return (exit, args[Array.IndexOf(args, "--out") + 1], error.ToString());
    }

    private static List<(string LeadId, string? CrmId, double Score)> ReadOutput(string path)
    {
        var lines = File.ReadAllLines(path);
        lines[0].ShouldBe("lead_id,crm_id,score");
        return lines.Skip(1).Select(line => line.Split(',')).Select(parts =>
            (parts[0], parts[1].Length == 0 ? null : parts[1], double.Parse(parts[2], CultureInfo.InvariantCulture))).ToList();
    }

    private string Write(string name, string header, IEnumerable<string> rows)
    {
        var path = Path.Combine(_folder.FullName, name);
        var text = new StringBuilder(header).Append('\n');
        foreach (var row in rows) text.Append(row).Append('\n');
        File.WriteAllText(path, header.Length == 0 ? "" : text.ToString());
        return path;
    }

    private static string Csv(params string?[] values) =>
        string.Join(',', values.Select(value => value is null ? "" : value.Contains(',') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"")}\"" : value));
}
