using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using SalesBridge.Matching;

namespace SalesBridge.Web.Cli.Matching;

/// <summary>
/// <c>salesbridge match people|companies --crm CRM.csv --leads LEADS.csv --out OUT.csv</c>: the matching engine on
/// two files, so that anyone can measure it. Writes <c>lead_id,crm_id,score</c> for every lead (<c>crm_id</c> empty
/// when there is no match); progress and warnings go to stderr.
/// </summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var command = new Command("match", "Match leads to CRM records from CSV files and write lead_id,crm_id,score.");
        command.Subcommands.Add(Create("people", "Match people (leads) to CRM contacts. Columns: " + string.Join(",", MatchInputs.PeopleColumns) + ".",
            MatchInputs.PeopleColumns, MatchInputs.Person, (crm, leads, threshold, progress, cancel) =>
                new PeopleMatcher(new MatchingOptions { Threshold = threshold }).Match(crm, leads, progress, cancel)));
        command.Subcommands.Add(Create("companies", "Match companies (leads) to CRM accounts. Columns: " + string.Join(",", MatchInputs.CompanyColumns) + ".",
            MatchInputs.CompanyColumns, MatchInputs.Company, (crm, leads, threshold, progress, cancel) =>
                new CompanyMatcher(new MatchingOptions { Threshold = threshold }).Match(crm, leads, progress, cancel)));
        return command;
    }

    private delegate MatchRun Matcher<TRecord>(IReadOnlyList<TRecord> crm, IReadOnlyList<TRecord> leads, double? threshold,
        IProgress<MatchProgress> progress, CancellationToken cancellationToken);

    private static Command Create<TRecord>(string name, string description, string[] columns, Func<string?[], int, TRecord> toRecord, Matcher<TRecord> match)
    {
        var crm = new Option<FileInfo>("--crm") { Description = "CSV of the CRM records.", Required = true };
        var leads = new Option<FileInfo>("--leads") { Description = "CSV of the leads to match.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write lead_id,crm_id,score.", Required = true };
        var threshold = new Option<double?>("--threshold") { Description = "Match probability (0–1) a pair needs; default: the engine's, set for precision." };
        var command = new Command(name, description) { crm, leads, output, threshold };
        command.SetAction((parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                if (parse.GetValue(threshold) is { } value && value is < 0 or > 1)
                {
                    throw new MatchInputException($"--threshold must be between 0 and 1; {value.ToString(CultureInfo.InvariantCulture)} was given.");
                }

                var watch = Stopwatch.StartNew();
                var crmRecords = ReadRecords(parse.GetValue(crm)!, columns, toRecord, error);
                var leadRecords = ReadRecords(parse.GetValue(leads)!, columns, toRecord, error);
                error.WriteLine($"read {crmRecords.Count:N0} CRM records and {leadRecords.Count:N0} leads in {watch.Elapsed.TotalSeconds:N1} s");
                var run = match(crmRecords, leadRecords, parse.GetValue(threshold), new StderrProgress(error), cancellationToken);
                Write(parse.GetValue(output)!, run);
                var matched = run.Results.Count(result => result.CrmId is not null);
                error.WriteLine($"matched {matched:N0} of {run.Results.Count:N0} leads in {watch.Elapsed.TotalSeconds:N1} s; wrote {parse.GetValue(output)!.FullName}");
                return Task.FromResult(0);
            }
            catch (MatchInputException invalid)
            {
                error.WriteLine($"error: {invalid.Message}");
                return Task.FromResult(2);
            }
        });
        return command;
    }

    private static List<TRecord> ReadRecords<TRecord>(FileInfo file, string[] columns, Func<string?[], int, TRecord> toRecord, TextWriter error)
    {
        if (!file.Exists)
        {
            throw new MatchInputException($"{file.FullName} does not exist.");
        }

        using var stream = file.OpenRead();
        return MatchCsvReader.Read(stream, file.Name, columns, error.WriteLine).Select(row => toRecord(row.Values, row.Line)).ToList();
    }

    private static void Write(FileInfo file, MatchRun run)
    {
        using var writer = new StreamWriter(file.FullName);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteField("lead_id");
        csv.WriteField("crm_id");
        csv.WriteField("score");
        csv.NextRecord();
        foreach (var result in run.Results)
        {
            csv.WriteField(result.LeadId);
            csv.WriteField(result.CrmId ?? "");
            csv.WriteField(Math.Round(result.Score, 4).ToString("0.####", CultureInfo.InvariantCulture));
            csv.NextRecord();
        }
    }
}
