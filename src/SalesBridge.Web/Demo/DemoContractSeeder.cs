using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Contracts;
using SalesBridge.PeopleDirectory;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Persistence;
using SalesBridge.Users;

namespace SalesBridge.Web.Demo;

/// <summary>
/// Creates the demo contract once: its users carry the demo org's CRM user emails (so seats tie to CRM users),
/// its directory is the demo world's workspace side, and a few seat holders have a lived-in inbox, saved leads and accounts.
/// </summary>
internal sealed class DemoContractSeeder(
    SalesBridgeDbContext db, UserManager<WorkspaceUser> users, LoadDirectory directory, DemoInboxSeeder inbox, DemoSavedItemsSeeder savedItems, TimeProvider time)
{
    /// <summary>Fixed, so that the seeder recognises the contract it made on an earlier start.</summary>
    public static readonly Guid ContractId = new("5a1e5b81-d9e0-4c3a-9d3e-000000002026");

    /// <summary>CRM salespeople left without a workspace seat, so that assigning seats from the CRM has someone to offer.</summary>
    private const int SalespeopleLeftForSeatAssignment = 2;

    public async Task<DemoContract> SeedAsync(GeneratedWorld world, CancellationToken cancellationToken)
    {
        if (!await db.Contracts.AnyAsync(contract => contract.Id == ContractId, cancellationToken))
        {
            await CreateAsync(world, cancellationToken);
        }

        return await DescribeAsync(world.Spec.DemoPassword, cancellationToken);
    }

    private async Task CreateAsync(GeneratedWorld world, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var salespeople = world.Users.Where(user => user.Role == DemoUserRole.Salesperson && !user.IsDisabled).ToList();
        var contract = new Contract
        {
            Id = ContractId, CompanyName = "Contoso Demo", Edition = ContractEdition.AdvancedPlus,
            SeatCount = salespeople.Count + 3, CreatedAt = now,
        };
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(cancellationToken);

        // The CRM admin administers without a seat; the first salesperson does both; the others sell.
        await AddUserAsync(world.Admin, admin: true, seat: false, world.Spec.DemoPassword, cancellationToken);
        var seated = salespeople.Take(Math.Max(1, salespeople.Count - SalespeopleLeftForSeatAssignment)).ToList();
        for (var index = 0; index < seated.Count; index++)
        {
            await AddUserAsync(seated[index], admin: index == 0, seat: true, world.Spec.DemoPassword, cancellationToken);
        }

        foreach (var batch in world.WorkspaceCompanies.Chunk(LoadDirectory.MaxRowsPerBatch))
        {
            await directory.LoadCompaniesAsync(ContractId, batch.Select(DemoDirectoryRows.Company).ToList(), cancellationToken);
        }

        foreach (var batch in world.WorkspacePeople.Chunk(LoadDirectory.MaxRowsPerBatch))
        {
            await directory.LoadPeopleAsync(ContractId, batch.Select(DemoDirectoryRows.Person).ToList(), cancellationToken);
        }

        await inbox.SeedAsync(ContractId, cancellationToken);
        await savedItems.SeedAsync(ContractId, cancellationToken);
    }

    private async Task AddUserAsync(CrmUser crmUser, bool admin, bool seat, string password, CancellationToken cancellationToken)
    {
        var user = new WorkspaceUser
        {
            Id = Guid.CreateVersion7(), ContractId = ContractId, DisplayName = crmUser.FullName, IsContractAdmin = admin,
            UserName = crmUser.InternalEmailAddress, Email = crmUser.InternalEmailAddress, EmailConfirmed = true,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Could not create demo user {user.Email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        if (seat)
        {
            db.Seats.Add(new Seat { ContractId = ContractId, UserId = user.Id, AssignedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<DemoContract> DescribeAsync(string password, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.SingleAsync(c => c.Id == ContractId, cancellationToken);
        var members = await db.Users.Where(user => user.ContractId == ContractId)
            .OrderByDescending(user => user.IsContractAdmin).ThenBy(user => user.Email)
            .Select(user => new { user.Email, user.IsContractAdmin, Seat = db.Seats.Any(seat => seat.UserId == user.Id) })
            .ToListAsync(cancellationToken);
        var signIns = members.Select(member => new DemoSignIn(
            (member.IsContractAdmin, member.Seat) switch
            {
                (true, true) => "Contract admin + seat holder",
                (true, false) => "Contract admin (no seat)",
                _ => "Seat holder",
            },
            member.Email!)).ToList();
        return new DemoContract(contract.Id, contract.CompanyName, password, signIns);
    }
}
