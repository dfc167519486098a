using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Accounts;
using SalesBridge.Leads;
using SalesBridge.Lists;
using SalesBridge.Persistence;

namespace SalesBridge.Web.Demo;

/// <summary>
/// Gives the demo contract's first seat holders saved leads, saved accounts and a list of their own, through the same
/// use cases the pages call, so that the Leads and Accounts pages are not empty on first sign-in.
/// </summary>
internal sealed class DemoSavedItemsSeeder(SalesBridgeDbContext db, CreateList createList, SaveLead saveLead, SaveAccount saveAccount)
{
    private const int SeatHolders = 3;
    private const int LeadsEach = 8;
    private const int AccountsEach = 3;

    public async Task SeedAsync(Guid contractId, CancellationToken cancellationToken)
    {
        var seatHolders = await db.Users
            .Where(user => user.ContractId == contractId && db.Seats.Any(seat => seat.UserId == user.Id))
            .OrderBy(user => user.Email).Take(SeatHolders)
            .Select(user => new Caller(user.Id, user.ContractId, user.DisplayName, user.Email ?? "", user.IsContractAdmin, true))
            .ToListAsync(cancellationToken);
        // People who work at a directory company, so that each saved lead's account page has something to show.
        var people = await db.People.Where(person => person.ContractId == contractId && person.CompanyId != null)
            .OrderBy(person => person.FirstName).ThenBy(person => person.Id)
            .Select(person => new { person.Id, CompanyId = person.CompanyId!.Value })
            .Take(SeatHolders * LeadsEach).ToListAsync(cancellationToken);

        for (var index = 0; index < seatHolders.Count; index++)
        {
            var caller = seatHolders[index];
            var list = await createList.HandleAsync(caller, new CreateList.Request { Name = "Q1 targets", Kind = SavedListKind.Leads }, cancellationToken);
            var mine = people.Skip(index * LeadsEach).Take(LeadsEach).ToList();
            for (var lead = 0; lead < mine.Count; lead++)
            {
                await saveLead.HandleAsync(caller, new SaveLead.Request { PersonId = mine[lead].Id, ListIds = lead < 3 ? [list.Id] : null }, cancellationToken);
            }

            foreach (var companyId in mine.Select(person => person.CompanyId).Distinct().Take(AccountsEach))
            {
                await saveAccount.HandleAsync(caller, new SaveAccount.Request { CompanyId = companyId }, cancellationToken);
            }
        }
    }
}
