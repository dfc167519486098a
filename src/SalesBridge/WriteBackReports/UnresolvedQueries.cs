using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Persistence;
using SalesBridge.WriteBack;

namespace SalesBridge.WriteBackReports;

/// <summary>
/// The reading behind the unresolved task report, shared by the page, the API and the CSV: open activities grouped by
/// the person (or company) they are about, oldest first, then each group of a page described with a fixed number of
/// queries (names, seat holders, the caller's saved leads and accounts), whatever the page size.
/// </summary>
internal static class UnresolvedQueries
{
    internal sealed record Group(Guid? PersonId, Guid? CompanyId, int OpenActivities, DateTimeOffset Oldest);

    /// <param name="seatHolderId">Only this seat holder's items; null for the whole contract.</param>
    public static IQueryable<Group> Groups(SalesBridgeDbContext db, Guid contractId, Guid? seatHolderId) =>
        db.WriteBackItems
            .Where(i => i.ContractId == contractId && i.Status == WriteBackStatus.Unresolved && (seatHolderId == null || i.SeatHolderId == seatHolderId))
            .GroupBy(i => new { i.PersonId, i.CompanyId })
            .Select(g => new { g.Key.PersonId, g.Key.CompanyId, Count = g.Count(), Oldest = g.Min(i => i.QueuedAt) })
            // Ordered on the anonymous shape: EF cannot order by members of a record it builds through its constructor.
            .OrderBy(g => g.Oldest).ThenBy(g => g.PersonId).ThenBy(g => g.CompanyId)
            .Select(g => new Group(g.PersonId, g.CompanyId, g.Count, g.Oldest));

    public static async Task<IReadOnlyList<UnresolvedRow>> DescribeAsync(SalesBridgeDbContext db, Caller caller, Guid? seatHolderId, IReadOnlyList<Group> groups,
        CancellationToken cancellationToken)
    {
        if (groups.Count == 0) return [];
        var contractId = caller.ContractId;
        var personIds = groups.Where(g => g.PersonId is not null).Select(g => g.PersonId!.Value).ToList();
        var companyIds = groups.Where(g => g.PersonId is null && g.CompanyId is not null).Select(g => g.CompanyId!.Value).ToList();
        var people = await db.People.AsNoTracking().Where(p => p.ContractId == contractId && personIds.Contains(p.Id))
            .Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName, p.Title, p.CompanyName }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var companies = await db.Companies.AsNoTracking().Where(c => c.ContractId == contractId && companyIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var holders = await db.WriteBackItems.AsNoTracking()
            .Where(i => i.ContractId == contractId && i.Status == WriteBackStatus.Unresolved && (seatHolderId == null || i.SeatHolderId == seatHolderId)
                && ((i.PersonId != null && personIds.Contains(i.PersonId.Value)) || (i.PersonId == null && i.CompanyId != null && companyIds.Contains(i.CompanyId.Value))))
            .Join(db.Users, i => i.SeatHolderId, u => u.Id, (i, u) => new { i.PersonId, i.CompanyId, u.Id, u.DisplayName })
            .Distinct().ToListAsync(cancellationToken);
        var leads = await db.SavedLeads.AsNoTracking()
            .Where(l => l.ContractId == contractId && l.OwnerId == caller.UserId && l.PersonId != null && personIds.Contains(l.PersonId.Value))
            .Select(l => new { PersonId = l.PersonId!.Value, l.Id }).ToListAsync(cancellationToken);
        var accounts = await db.SavedAccounts.AsNoTracking()
            .Where(a => a.ContractId == contractId && a.OwnerId == caller.UserId && a.CompanyId != null && companyIds.Contains(a.CompanyId.Value))
            .Select(a => new { CompanyId = a.CompanyId!.Value, a.Id }).ToListAsync(cancellationToken);

        return groups.Select(g =>
        {
            var seatHolders = holders.Where(h => h.PersonId == g.PersonId && h.CompanyId == g.CompanyId)
                .Select(h => new UnresolvedSeatHolder(h.Id, h.DisplayName)).OrderBy(h => h.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
            if (g.PersonId is { } personId)
            {
                var person = people.GetValueOrDefault(personId);
                // A person removed from the directory since keeps their row: the open activities are still in the CRM.
                return new UnresolvedRow(personId, g.CompanyId, person?.Name ?? "(removed from the directory)", person?.Title, person?.CompanyName,
                    g.OpenActivities, g.Oldest, seatHolders, leads.Where(l => l.PersonId == personId).Select(l => (Guid?)l.Id).Min(), null);
            }
            var company = g.CompanyId is { } companyId ? companies.GetValueOrDefault(companyId) : null;
            return new UnresolvedRow(null, g.CompanyId, company?.Name ?? "(removed from the directory)", null, company?.Name,
                g.OpenActivities, g.Oldest, seatHolders, null, accounts.Where(a => a.CompanyId == g.CompanyId).Select(a => (Guid?)a.Id).Min());
        }).ToList();
    }
}
