using Microsoft.EntityFrameworkCore;
using SalesBridge.Persistence;

namespace SalesBridge.CrmImport;

/// <summary>
/// The plan for just the records a change read touched (<see cref="TouchedRecords"/>): which syncing seats want which
/// of them now. A seat wants a record when one of its open, in-stage opportunities names it (as account, contact,
/// customer or stakeholder), so the opportunities naming a touched record decide it alone; the records no read touched
/// keep what the last run saved for them.
/// </summary>
internal static class TouchedPlan
{
    public static async Task<ImportPlan> LoadAsync(SalesBridgeDbContext db, Guid contractId, IReadOnlyList<SyncingSeat> seats, StageThreshold stage,
        TouchedRecords touched, CancellationToken cancellationToken)
    {
        var owners = seats.Select(s => (Guid?)s.CrmUserId).ToHashSet();
        var accounts = touched.Accounts.Select(id => (Guid?)id).ToList();
        var contacts = touched.Contacts.Select(id => (Guid?)id).ToList();
        var contactIds = touched.Contacts.ToList();
        var customers = accounts.Concat(contacts).ToList();
        var stakeholders = await db.CrmStakeholders.AsNoTracking().Where(s => s.ContractId == contractId && contactIds.Contains(s.ContactCrmId))
            .Select(s => new { s.OpportunityCrmId, s.ContactCrmId }).ToListAsync(cancellationToken);
        var viaStakeholders = stakeholders.Select(s => s.OpportunityCrmId).Distinct().ToList();
        // One query per way an opportunity names a record, each on its own index: one query with all of them OR-ed
        // would read every opportunity of the contract.
        var opportunities = db.CrmOpportunities.AsNoTracking().Where(o => o.ContractId == contractId);
        var found = new Dictionary<Guid, OpportunityFacts>();
        foreach (var naming in new[]
        {
            opportunities.Where(o => accounts.Contains(o.AccountCrmId)), opportunities.Where(o => contacts.Contains(o.ContactCrmId)),
            opportunities.Where(o => customers.Contains(o.CustomerCrmId)),
            opportunities.Where(o => viaStakeholders.Contains(o.CrmId)),
        })
        {
            var facts = await naming.Select(o => new OpportunityFacts(o.CrmId, o.OwnerCrmUserId, o.StageValue, o.AccountCrmId, o.ContactCrmId, o.CustomerCrmId, o.CustomerIsAccount))
                .ToListAsync(cancellationToken);
            foreach (var fact in facts.Where(f => owners.Contains(f.OwnerCrmUserId))) found.TryAdd(fact.CrmId, fact);
        }
        var plan = ImportPlan.Make(seats, found.Values.ToList(), stakeholders.ToLookup(s => s.OpportunityCrmId, s => s.ContactCrmId), stage);
        // The opportunities also name records nobody touched; those stay as they are.
        foreach (var ids in plan.AccountsBySeat.Values) ids.IntersectWith(touched.Accounts);
        foreach (var ids in plan.ContactsBySeat.Values) ids.IntersectWith(touched.Contacts);
        return plan;
    }

    /// <summary>
    /// The records the seats now bring in (in scope) and how many of them are matched, counted over the whole contract
    /// from the saved items alone: once saved, every imported saved item stands for one (seat, record) pair the plan
    /// wants and carries the person or company its record is matched to, so the distinct records of the imported items
    /// are exactly the ones a full plan would count. (Records that left the CRM were touched: their items are gone.)
    /// </summary>
    public static async Task<(int InScope, int Matched)> ScopeCountsAsync(SalesBridgeDbContext db, Guid contractId, CancellationToken cancellationToken)
    {
        // Grouped by record along the covering index (contract, imported, record, target): one ordered pass, where a
        // count of distinct records sorted them all first. "Imported" compared with a parameter, not as a bare column,
        // so SQLite takes it as an equality on the index and reads the records in order.
        var imported = true;
        var leads = await db.SavedLeads.Where(l => l.ContractId == contractId && l.ImportedFromCrm == imported && l.CrmContactId != null)
            .GroupBy(l => l.CrmContactId).Select(g => g.Max(l => l.PersonId != null ? 1 : 0))
            .GroupBy(matched => 1).Select(g => new { All = g.Count(), Matched = g.Sum() }).SingleOrDefaultAsync(cancellationToken);
        var accounts = await db.SavedAccounts.Where(a => a.ContractId == contractId && a.ImportedFromCrm == imported && a.CrmAccountId != null)
            .GroupBy(a => a.CrmAccountId).Select(g => g.Max(a => a.CompanyId != null ? 1 : 0))
            .GroupBy(matched => 1).Select(g => new { All = g.Count(), Matched = g.Sum() }).SingleOrDefaultAsync(cancellationToken);
        var inScope = (leads?.All ?? 0) + (accounts?.All ?? 0);
        var matched = (leads?.Matched ?? 0) + (accounts?.Matched ?? 0);
        return (inScope, matched);
    }
}
