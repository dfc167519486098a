using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Access;
using SalesBridge.Benchmarks.Scenarios.CrmImport;
using SalesBridge.Benchmarks.Scenarios.WriteBack;
using SalesBridge.CrmSettings;
using SalesBridge.Persistence;
using SalesBridge.Users;

namespace SalesBridge.Benchmarks.Scenarios.Cluster;

/// <summary>
/// One of the proof's contracts, set up as a customer's would be before the cluster starts: its org (an org of the child
/// emulator), the workspace directory, seats from the CRM's salespeople, the SalesBridge solution installed, write-back
/// on and the shortest sync interval the settings allow. <see cref="SellerEmail"/> signs in to the web node's API.
/// </summary>
internal sealed record ProofContract(string Org, Guid ContractId, EmulatorFacts Facts, string SellerEmail)
{
    public const string Password = "Proof-cluster-2026!";
    private const int Seats = 2;

    public static async Task<ProofContract> SetUpAsync(IServiceProvider services, ChildEmulator emulator, string org, CancellationToken cancellationToken)
    {
        var (facts, companies, people) = emulator.FactsOf(org);
        var contractId = await ImportWorkspace.CreateContractAsync(services, facts, companies, people, Seats, $"Proof {org}", cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        var user = await db.Seats.Where(s => s.ContractId == contractId).OrderBy(s => s.User.Email).Select(s => s.User).FirstAsync(cancellationToken);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkspaceUser>>();
        var tracked = await users.FindByIdAsync(user.Id.ToString());
        var password = await users.AddPasswordAsync(tracked!, Password);
        if (!password.Succeeded) throw new InvalidOperationException(string.Join(" ", password.Errors.Select(e => e.Description)));

        var admin = new Caller(user.Id, contractId, user.DisplayName, user.Email!, IsContractAdmin: true, HasSeat: true);
        await WriteBackWorkspace.SwitchOnAsync(scope.ServiceProvider, admin, ContractCrmSettings.MinSyncIntervalMinutes, cancellationToken);
        return new ProofContract(org, contractId, facts, user.Email!);
    }
}
