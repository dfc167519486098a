using Microsoft.EntityFrameworkCore;
using SalesBridge.Contracts;
using SalesBridge.Persistence;
using SalesBridge.Web.Cli;

namespace SalesBridge.Web.Tests.Cli;

/// <summary>The operator verbs, run in-process exactly as the command line parses them, on a fresh SQLite file.</summary>
public sealed class OperatorCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("salesbridge-cli-");

    private string DatabaseFile => Path.Combine(_folder.FullName, "cli.db");

    private string[] DatabaseArgs => ["--Database:Provider=Sqlite", $"--Database:ConnectionString=Data Source={DatabaseFile}", "--Logging:LogLevel:Default=Warning"];

    [Fact]
    public async Task Migrate_NewDatabase_CreatesSchemaAndSecondRunHasNothingToDo()
    {
        (await RunAsync(["migrate", .. DatabaseArgs])).ShouldBe(0);
        await using var db = Open();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();

        (await RunAsync(["migrate", .. DatabaseArgs])).ShouldBe(0);
    }

    [Fact]
    public async Task ImportDirectory_CsvFiles_LoadsThenUpdatesWithoutDuplicates()
    {
        var contractId = await CreateContractAsync();
        var companies = Write("companies.csv", "ExternalId,Name,Website,Industry,EmployeeCount,City,Country\nc1,Fabrikam Inc,fabrikam.example,Software,250,Seattle,USA\nc2,\"Contoso, Ltd\",,Retail,,London,UK\n");
        var people = Write("people.csv", "externalid,firstname,lastname,title,companyexternalid,email\np1,Ada,Lovelace,CTO,c1,ada@fabrikam.example\np2,Alan,Turing,,c2,\n");

        (await RunAsync(["import-directory", "--contract", contractId.ToString(), "--companies", companies, "--people", people, .. DatabaseArgs])).ShouldBe(0);
        var renamed = Write("people2.csv", "externalId,firstName,lastName,title,companyExternalId\np1,Ada,King,Chief Technology Officer,c1\n");
        (await RunAsync(["import-directory", "--contract", contractId.ToString(), "--people", renamed, .. DatabaseArgs])).ShouldBe(0);

        await using var db = Open();
        (await db.Companies.CountAsync(c => c.ContractId == contractId)).ShouldBe(2);
        (await db.Companies.SingleAsync(c => c.ExternalId == "c2")).Name.ShouldBe("Contoso, Ltd");
        var ada = await db.People.Include(p => p.Company).SingleAsync(p => p.ContractId == contractId && p.ExternalId == "p1");
        ada.LastName.ShouldBe("King");
        ada.Title.ShouldBe("Chief Technology Officer");
        ada.Company!.Name.ShouldBe("Fabrikam Inc");
        (await db.People.CountAsync(p => p.ContractId == contractId)).ShouldBe(2);
    }

    [Fact]
    public async Task ImportDirectory_RowWithoutLastName_FailsAndLoadsNothingOfThatBatch()
    {
        var contractId = await CreateContractAsync();
        var people = Write("people.csv", "externalId,firstName,lastName\np1,Ada,Lovelace\np2,Alan,\n");

        (await RunAsync(["import-directory", "--contract", contractId.ToString(), "--people", people, .. DatabaseArgs])).ShouldBe(1);

        await using var db = Open();
        (await db.People.CountAsync(p => p.ContractId == contractId)).ShouldBe(0);
    }

    [Fact]
    public async Task ImportDirectory_UnknownContract_FailsWithExitCode2()
    {
        (await RunAsync(["migrate", .. DatabaseArgs])).ShouldBe(0);
        var people = Write("people.csv", "externalId,firstName,lastName\np1,Ada,Lovelace\n");

        (await RunAsync(["import-directory", "--contract", Guid.NewGuid().ToString(), "--people", people, .. DatabaseArgs])).ShouldBe(2);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private static Task<int> RunAsync(string[] args) => SalesBridgeCommand.Create().Parse(args).InvokeAsync();

    private SalesBridgeDbContext Open()
    {
        var options = new DbContextOptionsBuilder<SalesBridgeDbContext>();
        DatabaseRegistration.Configure(options, DatabaseProvider.Sqlite, $"Data Source={DatabaseFile}");
        return new SalesBridgeDbContext(options.Options);
    }

    private async Task<Guid> CreateContractAsync()
    {
        (await RunAsync(["migrate", .. DatabaseArgs])).ShouldBe(0);
        await using var db = Open();
        var contract = new Contract { CompanyName = "CLI Co", SeatCount = 1, CreatedAt = DateTimeOffset.UtcNow };
        db.Contracts.Add(contract);
        await db.SaveChangesAsync();
        return contract.Id;
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
