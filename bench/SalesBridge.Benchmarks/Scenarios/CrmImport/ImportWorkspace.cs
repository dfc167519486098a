using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Contracts;
using SalesBridge.CrmConnection;
using SalesBridge.Dataverse;
using SalesBridge.PeopleDirectory;
using SalesBridge.Persistence;
using SalesBridge.Users;

namespace SalesBridge.Benchmarks.Scenarios.CrmImport;

/// <summary>Sets up the benchmark's contract: its directory from the child's CSV files, its connection, one seat per CRM salesperson.</summary>
internal static class ImportWorkspace
{
    public static Task<Guid> CreateContractAsync(IServiceProvider services, ChildEmulator org, int seats, CancellationToken cancellationToken) =>
        CreateContractAsync(services, org.Facts, org.CompaniesCsv, org.PeopleCsv, seats, "Bench Co", cancellationToken);

    /// <summary>A contract for any org of the child emulator: its facts and its world's directory files.</summary>
    public static async Task<Guid> CreateContractAsync(IServiceProvider services, EmulatorFacts facts, string companiesCsv, string peopleCsv, int seats,
        string companyName, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        var contract = new Contract { CompanyName = companyName, SeatCount = seats, CreatedAt = DateTimeOffset.UtcNow };
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(cancellationToken);

        var load = scope.ServiceProvider.GetRequiredService<LoadDirectory>();
        using (var reader = File.OpenText(companiesCsv))
        {
            await foreach (var batch in DirectoryCsv.ReadCompaniesAsync(reader, cancellationToken).Chunk(LoadDirectory.MaxRowsPerBatch).WithCancellation(cancellationToken))
                await load.LoadCompaniesAsync(contract.Id, batch, cancellationToken);
        }
        using (var reader = File.OpenText(peopleCsv))
        {
            await foreach (var batch in DirectoryCsv.ReadPeopleAsync(reader, cancellationToken).Chunk(LoadDirectory.MaxRowsPerBatch).WithCancellation(cancellationToken))
                await load.LoadPeopleAsync(contract.Id, batch, cancellationToken);
        }

        var protector = scope.ServiceProvider.GetRequiredService<CrmSecretProtector>();
        db.OrgConnections.Add(new OrgConnection
        {
            ContractId = contract.Id, OrganizationUrl = facts.Url, OrganizationId = facts.OrganizationId, OrganizationName = companyName,
            EnvironmentLabel = "Production", SignInMethod = OrgSignInMethod.ApplicationUser, TenantId = facts.TenantId,
            ClientId = facts.ClientId, ProtectedClientSecret = protector.Protect(facts.ClientSecret), SignedInAs = facts.ClientId,
            CrmUserId = facts.IntegrationUserId, Status = OrgConnectionStatus.Connected, ConnectedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);

        // One seat holder per enabled CRM salesperson, by email, as Assign seats from CRM would make them.
        var client = await scope.ServiceProvider.GetRequiredService<OrgClients>().ForContractAsync(contract.Id, cancellationToken);
        var people = new List<(string Email, string Name)>();
        await foreach (var user in client.QueryAsync("systemusers", new DataverseQuery
        {
            Select = ["fullname", "internalemailaddress", "isdisabled", "applicationid"],
        }, cancellationToken: cancellationToken))
        {
            if (user["isdisabled"]?.GetValue<bool>() == true || user["applicationid"] is JsonValue) continue;
            people.Add((user["internalemailaddress"]!.GetValue<string>(), user["fullname"]!.GetValue<string>()));
        }
        foreach (var (email, name) in people.Where(p => !p.Email.StartsWith("admin@", StringComparison.Ordinal)).Take(seats))
        {
            var user = new WorkspaceUser
            {
                ContractId = contract.Id, DisplayName = name, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow, SecurityStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(user);
            db.Seats.Add(new Seat { ContractId = contract.Id, UserId = user.Id, AssignedAt = DateTimeOffset.UtcNow });
        }
        await db.SaveChangesAsync(cancellationToken);
        return contract.Id;
    }
}
