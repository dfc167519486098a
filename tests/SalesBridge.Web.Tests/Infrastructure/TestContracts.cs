using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Contracts;
using SalesBridge.PeopleDirectory;
using SalesBridge.Persistence;
using SalesBridge.Users;

namespace SalesBridge.Web.Tests.Infrastructure;

/// <summary>A contract made for one test: an admin without a seat, an admin with one, two seat holders, a small directory.</summary>
public sealed record TestContract(
    Guid Id,
    TestUser Admin,
    TestUser AdminSeatHolder,
    TestUser SeatHolder,
    TestUser OtherSeatHolder,
    IReadOnlyList<Guid> PersonIds,
    IReadOnlyList<Guid> CompanyIds);

public sealed record TestUser(Guid Id, string Email);

public static class TestContracts
{
    public const string Password = "Test!Pass2026";

    /// <summary>Creates a contract with unique emails; its directory has 3 companies and 6 people (2 per company).</summary>
    public static async Task<TestContract> CreateAsync(this WorkspaceHost host, int seatCount = 5)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkspaceUser>>();
        var load = scope.ServiceProvider.GetRequiredService<LoadDirectory>();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var contract = new Contract { CompanyName = $"Test Co {tag}", SeatCount = seatCount, CreatedAt = DateTimeOffset.UtcNow };
        db.Contracts.Add(contract);
        await db.SaveChangesAsync();

        async Task<TestUser> AddUser(string name, bool admin, bool seat)
        {
            var email = $"{name}.{tag}@test.example.com";
            var user = new WorkspaceUser
            {
                ContractId = contract.Id, DisplayName = $"{name} {tag}", IsContractAdmin = admin, UserName = email, Email = email,
                EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow,
            };
            var result = await users.CreateAsync(user, Password);
            result.Succeeded.ShouldBeTrue(string.Join(" ", result.Errors.Select(e => e.Description)));
            if (seat)
            {
                db.Seats.Add(new Seat { ContractId = contract.Id, UserId = user.Id, AssignedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            }

            return new TestUser(user.Id, email);
        }

        var adminOnly = await AddUser("admin", admin: true, seat: false);
        var adminSeat = await AddUser("lead-admin", admin: true, seat: true);
        var seatHolder = await AddUser("seller", admin: false, seat: true);
        var otherSeatHolder = await AddUser("seller2", admin: false, seat: true);

        string[] companies = ["Müller Maschinenbau GmbH", "Northwind Traders", "Fabrikam Inc"];
        await load.LoadCompaniesAsync(contract.Id, companies.Select((name, index) => new CompanyRow
        {
            ExternalId = $"c{index}", Name = name, Website = $"https://www.company{index}.example", Industry = "Manufacturing",
            EmployeeCount = 100 * (index + 1), City = "Berlin", Country = "Germany",
        }).ToList(), CancellationToken.None);
        (string First, string Last, string Title)[] people =
        [
            ("Jürgen", "Schäfer", "Head of Purchasing"), ("Anna", "Berg", "CFO"),
            ("Nancy", "Davolio", "Sales Representative"), ("Andrew", "Fuller", "Vice President, Sales"),
            ("Janet", "Leverling", "Sales Manager"), ("Steven", "Buchanan", "Chief Technology Officer"),
        ];
        await load.LoadPeopleAsync(contract.Id, people.Select((person, index) => new PersonRow
        {
            ExternalId = $"p{index}", FirstName = person.First, LastName = person.Last, Title = person.Title,
            CompanyExternalId = $"c{index / 2}", City = "Berlin", Country = "Germany",
            Email = $"{person.First.ToLowerInvariant()}.{tag}@company{index / 2}.example",
        }).ToList(), CancellationToken.None);

        var personIds = db.People.Where(p => p.ContractId == contract.Id).OrderBy(p => p.ExternalId).Select(p => p.Id).ToList();
        var companyIds = db.Companies.Where(c => c.ContractId == contract.Id).OrderBy(c => c.ExternalId).Select(c => c.Id).ToList();
        return new TestContract(contract.Id, adminOnly, adminSeat, seatHolder, otherSeatHolder, personIds, companyIds);
    }
}
