using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Persistence;
using SalesBridge.Web.Demo;
using SalesBridge.Web.Hosting;

namespace SalesBridge.Web.Tests.Demo;

/// <summary>The embedded default: the emulator in-process and a demo contract matching its CRM users.</summary>
public sealed class DemoContractTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("salesbridge-demo-");

    [Fact]
    public async Task Start_DemoMode_SeedsContractMatchingCrmUsersOnceAcrossRestarts()
    {
        var (users, people, companies, world) = await StartAndReadAsync();
        var again = await StartAndReadAsync();

        var crmEmails = world.Users.Select(user => user.InternalEmailAddress).ToHashSet(StringComparer.OrdinalIgnoreCase);
        users.ShouldNotBeEmpty();
        users.ShouldAllBe(email => crmEmails.Contains(email));
        users.ShouldContain(world.Admin.InternalEmailAddress);
        people.ShouldBe(world.WorkspacePeople.Count);
        companies.ShouldBe(world.WorkspaceCompanies.Count);
        again.Users.ShouldBe(users, ignoreOrder: true);
        again.People.ShouldBe(people);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private async Task<(List<string> Users, int People, int Companies, GeneratedWorld World)> StartAndReadAsync()
    {
        await using var app = SalesBridgeWebApp.Build(
        [
            "--urls=http://127.0.0.1:0", "--Demo:Enabled=true", "--Demo:Size=tiny", "--Demo:EmulatorUrl=http://127.0.0.1:0",
            $"--Database:DataDirectory={_folder.FullName}", "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        var demo = app.Services.GetRequiredService<DemoEnvironment>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        var contractId = DemoContractSeeder.ContractId;
        var users = await db.Users.Where(user => user.ContractId == contractId).Select(user => user.Email!).ToListAsync();
        var people = await db.People.CountAsync(person => person.ContractId == contractId);
        var companies = await db.Companies.CountAsync(company => company.ContractId == contractId);
        (await db.Contracts.CountAsync()).ShouldBe(1);
        (await db.SavedLeads.CountAsync(lead => lead.ContractId == contractId)).ShouldBeGreaterThan(0);
        (await db.Conversations.CountAsync(conversation => conversation.ContractId == contractId)).ShouldBeGreaterThan(0);
        var world = demo.Emulator.World;
        await app.StopAsync();
        return (users, people, companies, world);
    }
}
