using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SalesBridge.PeopleDirectory;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.Web.Hosting;

namespace SalesBridge.Web.Cli;

/// <summary>
/// <c>salesbridge import-directory --contract ID --companies companies.csv --people people.csv</c>: loads (or
/// updates, keyed by externalId) a contract's directory from CSV files, in batches of 1,000 rows each all-or-nothing.
/// </summary>
internal static class ImportDirectoryCommand
{
    public static Command Create()
    {
        var contract = new Option<Guid>("--contract") { Description = "Id of the contract whose directory is loaded.", Required = true };
        var companies = new Option<FileInfo?>("--companies") { Description = "CSV: externalId,name,website,industry,employeeCount,city,country" };
        var people = new Option<FileInfo?>("--people")
        {
            Description = "CSV: externalId,firstName,lastName,headline,title,companyName,companyExternalId,city,region,country,email,phone,profileUrl",
        };
        var command = new Command("import-directory", "Load directory companies and people from CSV files into a contract (companies first).")
        {
            contract, companies, people,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var companyFile = parse.GetValue(companies);
            var peopleFile = parse.GetValue(people);
            if (companyFile is null && peopleFile is null)
            {
                Console.Error.WriteLine("Give --companies, --people or both.");
                return 2;
            }

            using var host = OperatorServices.Build([.. parse.UnmatchedTokens]);
            await host.Services.GetRequiredService<DatabaseMigration>().ApplyAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var contractId = parse.GetValue(contract);
            if (!await scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>().Contracts.AnyAsync(c => c.Id == contractId, cancellationToken))
            {
                Console.Error.WriteLine($"No contract has the id {contractId}.");
                return 2;
            }

            var load = scope.ServiceProvider.GetRequiredService<LoadDirectory>();
            try
            {
                if (companyFile is not null)
                {
                    await ImportAsync(companyFile, "companies", reader => DirectoryCsv.ReadCompaniesAsync(reader, cancellationToken),
                        batch => load.LoadCompaniesAsync(contractId, batch, cancellationToken), cancellationToken);
                }

                if (peopleFile is not null)
                {
                    await ImportAsync(peopleFile, "people", reader => DirectoryCsv.ReadPeopleAsync(reader, cancellationToken),
                        batch => load.LoadPeopleAsync(contractId, batch, cancellationToken), cancellationToken);
                }
            }
            catch (RequestValidationException invalid)
            {
                foreach (var (field, messages) in invalid.Errors)
                {
                    Console.Error.WriteLine($"  {field}: {string.Join(" ", messages)}");
                }

                return 1;
            }

            return 0;
        });
        return command;
    }

    private static async Task ImportAsync<TRow>(FileInfo file, string what, Func<TextReader, IAsyncEnumerable<TRow>> read,
        Func<IReadOnlyList<TRow>, Task<DirectoryLoadResult>> loadBatch, CancellationToken cancellationToken)
    {
        using var reader = file.OpenText();
        int added = 0, updated = 0, firstLine = 2;
        await foreach (var batch in read(reader).Chunk(LoadDirectory.MaxRowsPerBatch).WithCancellation(cancellationToken))
        {
            try
            {
                var result = await loadBatch(batch);
                added += result.Added;
                updated += result.Updated;
            }
            catch (RequestValidationException)
            {
                Console.Error.WriteLine($"{file.Name}: the batch starting at line {firstLine} was not loaded (rows[n] is line {firstLine} + n):");
                throw;
            }

            firstLine += batch.Length;
            Console.Error.WriteLine($"{file.Name}: {added + updated} {what} loaded");
        }

        Console.WriteLine($"{file.Name}: {added} {what} added, {updated} updated.");
    }
}
