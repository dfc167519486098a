using Microsoft.EntityFrameworkCore;
using SalesBridge.Persistence;

namespace SalesBridge.CrmDisconnect;

/// <summary>
/// What the sync created in a contract's workspace (SPEC S5): saved leads and accounts it saved that no seat holder
/// saved by hand (<c>SavedByHand == false</c>), their list entries, and every entry of the system lists ("My CRM
/// Leads", "My CRM Accounts"), which only the sync fills. A lead or account a seat holder also saved by hand stays,
/// with its entries on the seat holder's own lists; only its system-list entry goes.
/// </summary>
internal static class CrmDataCleanUp
{
    /// <summary>Removes it within the caller's transaction and returns what was removed.</summary>
    public static async Task<IReadOnlyList<RemovedItem>> RemoveAsync(SalesBridgeDbContext db, Guid contractId, CancellationToken cancellationToken)
    {
        var leads = await db.SavedLeads.Where(l => l.ContractId == contractId && !l.SavedByHand)
            .Select(l => new { l.Id, Name = l.Person != null ? l.Person.FirstName + " " + l.Person.LastName : l.CrmContact!.FirstName + " " + l.CrmContact.LastName }).ToListAsync(cancellationToken);
        var accounts = await db.SavedAccounts.Where(a => a.ContractId == contractId && !a.SavedByHand)
            .Select(a => new { a.Id, Name = a.Company != null ? a.Company.Name : a.CrmAccount!.Name }).ToListAsync(cancellationToken);
        var leadIds = leads.Select(l => l.Id).ToList();
        var accountIds = accounts.Select(a => a.Id).ToList();
        var entries = await (
                from entry in db.SavedListEntries
                join list in db.SavedLists on entry.ListId equals list.Id
                where list.ContractId == contractId && (list.SystemKey != null
                    || (entry.SavedLeadId != null && leadIds.Contains(entry.SavedLeadId.Value))
                    || (entry.SavedAccountId != null && accountIds.Contains(entry.SavedAccountId.Value)))
                select new
                {
                    entry.Id, ListName = list.Name,
                    Item = entry.SavedLeadId != null
                        ? db.SavedLeads.Where(l => l.Id == entry.SavedLeadId).Select(l => l.Person != null ? l.Person.FirstName + " " + l.Person.LastName : l.CrmContact!.FirstName + " " + l.CrmContact.LastName).FirstOrDefault()
                        : db.SavedAccounts.Where(a => a.Id == entry.SavedAccountId).Select(a => a.Company != null ? a.Company.Name : a.CrmAccount!.Name).FirstOrDefault(),
                })
            .ToListAsync(cancellationToken);

        // The CRM users read for Seat Management are CRM data too; seats themselves are the admins' and stay.
        var crmUsers = await db.CrmUserSnapshots.Where(u => u.ContractId == contractId)
            .Select(u => new { u.Id, u.FullName }).ToListAsync(cancellationToken);

        var entryIds = entries.Select(e => e.Id).ToList();
        await db.SavedListEntries.Where(e => entryIds.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.SavedLeads.Where(l => leadIds.Contains(l.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.SavedAccounts.Where(a => accountIds.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.CrmUserSnapshots.Where(u => u.ContractId == contractId).ExecuteDeleteAsync(cancellationToken);
        // What the import read from the org goes too; leads and accounts seat holders saved by hand stay, untied.
        await db.SavedLeads.Where(l => l.ContractId == contractId && (l.ImportedFromCrm || l.CrmContactId != null))
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.ImportedFromCrm, false).SetProperty(l => l.CrmContactId, (Guid?)null), cancellationToken);
        await db.SavedAccounts.Where(a => a.ContractId == contractId && (a.ImportedFromCrm || a.CrmAccountId != null))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.ImportedFromCrm, false).SetProperty(a => a.CrmAccountId, (Guid?)null), cancellationToken);
        await db.CrmStakeholders.Where(s => s.ContractId == contractId).ExecuteDeleteAsync(cancellationToken);
        await db.CrmOpportunities.Where(o => o.ContractId == contractId).ExecuteDeleteAsync(cancellationToken);
        await db.CrmContacts.Where(c => c.ContractId == contractId).ExecuteDeleteAsync(cancellationToken);
        await db.CrmAccounts.Where(a => a.ContractId == contractId).ExecuteDeleteAsync(cancellationToken);
        await db.CrmImportStates.Where(s => s.ContractId == contractId).ExecuteDeleteAsync(cancellationToken);

        return [
            .. leads.OrderBy(l => l.Name).Select(l => new RemovedItem(RemovedItem.Lead, l.Id, l.Name)),
            .. accounts.OrderBy(a => a.Name).Select(a => new RemovedItem(RemovedItem.Account, a.Id, a.Name)),
            .. entries.OrderBy(e => e.ListName).ThenBy(e => e.Item).Select(e => new RemovedItem(RemovedItem.ListEntry, e.Id, $"{e.Item} on {e.ListName}")),
            .. crmUsers.OrderBy(u => u.FullName).Select(u => new RemovedItem(RemovedItem.CrmUser, u.Id, u.FullName)),
        ];
    }
}
