using Microsoft.EntityFrameworkCore;
using SalesBridge.Accounts;
using SalesBridge.Leads;
using SalesBridge.Lists;
using SalesBridge.Persistence;

namespace SalesBridge.CrmImport;

/// <summary>Saved leads or saved accounts as the import reads and changes them; one implementation per kind.</summary>
internal interface ISavedItemTable
{
    SystemListDefinition SystemList { get; }
    /// <summary>The contract's saved items, or only those of <paramref name="scope"/>'s records and targets.</summary>
    Task<List<SavedItemRow>> LoadAsync(Guid contractId, SavedItemScope? scope, CancellationToken cancellationToken);
    /// <summary>Inserts the items in bulk; returns their new ids in the same order.</summary>
    Task<IReadOnlyList<Guid>> InsertAsync(Guid contractId, IReadOnlyList<WantedItem> items, DateTimeOffset now, CancellationToken cancellationToken);
    void Change(SavedItemChange change);
    Task DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken);
    SavedListEntry Entry(Guid listId, Guid itemId, DateTimeOffset now);
    /// <summary>The entries of the contract's system lists of this kind, or only those of <paramref name="items"/>.</summary>
    Task<List<SystemEntry>> SystemEntriesAsync(Guid contractId, List<Guid>? items, CancellationToken cancellationToken);
}

/// <summary>An entry of a system list: its own id, its list and the saved item it holds.</summary>
internal sealed record SystemEntry(Guid Id, Guid ListId, Guid ItemId)
{
    /// <summary>The ids of the contract's system lists of one kind (one per seat holder).</summary>
    public static async Task<HashSet<Guid>> ListIdsAsync(SalesBridgeDbContext db, Guid contractId, SystemListDefinition kind, CancellationToken cancellationToken) =>
        (await db.SavedLists.Where(l => l.ContractId == contractId && l.SystemKey == kind.Key).Select(l => l.Id).ToListAsync(cancellationToken)).ToHashSet();
}

internal sealed class SavedLeadTable(SalesBridgeDbContext db) : ISavedItemTable
{
    public SystemListDefinition SystemList => SystemLists.CrmLeads;

    public async Task<List<SavedItemRow>> LoadAsync(Guid contractId, SavedItemScope? scope, CancellationToken cancellationToken)
    {
        var leads = db.SavedLeads.AsNoTracking().Where(l => l.ContractId == contractId);
        if (scope is null) return await Rows(leads).ToListAsync(cancellationToken);
        var records = scope.RecordIds.Select(id => (Guid?)id).ToList();
        var targets = scope.TargetIds.Select(id => (Guid?)id).ToList();
        // Two queries, each on an index ((owner, person) for the second), rather than one OR that would read the whole table.
        var owners = scope.OwnerIds.ToList();
        // By the record index alone: with the contract in the query SQLite takes the contract's index and reads every saved
        // lead of it. The records are the contract's own, so are the items pointing at them.
        var byRecord = await Rows(db.SavedLeads.AsNoTracking().Where(l => records.Contains(l.CrmContactId))).ToListAsync(cancellationToken);
        var byTarget = await Rows(leads.Where(l => owners.Contains(l.OwnerId) && targets.Contains(l.PersonId))).ToListAsync(cancellationToken);
        return byRecord.Concat(byTarget).DistinctBy(r => r.Id).ToList();
    }

    private static IQueryable<SavedItemRow> Rows(IQueryable<SavedLead> leads) =>
        leads.Select(l => new SavedItemRow(l.Id, l.OwnerId, l.PersonId, l.CrmContactId, l.SavedByHand, l.ImportedFromCrm));

    public async Task<IReadOnlyList<Guid>> InsertAsync(Guid contractId, IReadOnlyList<WantedItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leads = items.Select(item => new SavedLead
        {
            ContractId = contractId, OwnerId = item.OwnerId, PersonId = item.TargetId, CrmContactId = item.RecordId,
            ImportedFromCrm = true, SavedAt = now,
        }).ToList();
        await db.InsertAsync(leads, cancellationToken);
        return leads.Select(l => l.Id).ToList();
    }

    public void Change(SavedItemChange change)
    {
        var entry = db.SavedLeads.Local.FindEntry(change.Id) ?? db.SavedLeads.Attach(new SavedLead { Id = change.Id });
        if (change.SetTarget) entry.Property(l => l.PersonId).CurrentValue = change.TargetId;
        if (change.SetRecord) entry.Property(l => l.CrmContactId).CurrentValue = change.RecordId;
        entry.Property(l => l.ImportedFromCrm).CurrentValue = change.Imported;
        if (change.SetTarget) entry.Property(l => l.PersonId).IsModified = true;
        if (change.SetRecord) entry.Property(l => l.CrmContactId).IsModified = true;
        entry.Property(l => l.ImportedFromCrm).IsModified = true;
    }

    public Task DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        db.SavedLeads.Where(l => ids.Contains(l.Id)).ExecuteDeleteAsync(cancellationToken);

    public SavedListEntry Entry(Guid listId, Guid itemId, DateTimeOffset now) => new() { ListId = listId, SavedLeadId = itemId, AddedAt = now };

    public async Task<List<SystemEntry>> SystemEntriesAsync(Guid contractId, List<Guid>? items, CancellationToken cancellationToken)
    {
        if (items is not null)
        {
            // The items' entries by the item index, then kept to the system lists: a join would walk every system list's entries.
            var lists = await SystemEntry.ListIdsAsync(db, contractId, SystemList, cancellationToken);
            var ids = items.Select(id => (Guid?)id).ToList();
            return (await db.SavedListEntries.Where(e => ids.Contains(e.SavedLeadId)).Select(e => new SystemEntry(e.Id, e.ListId, e.SavedLeadId!.Value))
                .ToListAsync(cancellationToken)).Where(e => lists.Contains(e.ListId)).ToList();
        }
        return await (from entry in db.SavedListEntries
                join list in db.SavedLists on entry.ListId equals list.Id
                where list.ContractId == contractId && list.SystemKey == SystemLists.CrmLeads.Key && entry.SavedLeadId != null
                select new SystemEntry(entry.Id, entry.ListId, entry.SavedLeadId!.Value)).ToListAsync(cancellationToken);
    }
}

internal sealed class SavedAccountTable(SalesBridgeDbContext db) : ISavedItemTable
{
    public SystemListDefinition SystemList => SystemLists.CrmAccounts;

    public async Task<List<SavedItemRow>> LoadAsync(Guid contractId, SavedItemScope? scope, CancellationToken cancellationToken)
    {
        var accounts = db.SavedAccounts.AsNoTracking().Where(a => a.ContractId == contractId);
        if (scope is null) return await Rows(accounts).ToListAsync(cancellationToken);
        var records = scope.RecordIds.Select(id => (Guid?)id).ToList();
        var targets = scope.TargetIds.Select(id => (Guid?)id).ToList();
        var owners = scope.OwnerIds.ToList();
        // By the record index alone, as for leads.
        var byRecord = await Rows(db.SavedAccounts.AsNoTracking().Where(a => records.Contains(a.CrmAccountId))).ToListAsync(cancellationToken);
        var byTarget = await Rows(accounts.Where(a => owners.Contains(a.OwnerId) && targets.Contains(a.CompanyId))).ToListAsync(cancellationToken);
        return byRecord.Concat(byTarget).DistinctBy(r => r.Id).ToList();
    }

    private static IQueryable<SavedItemRow> Rows(IQueryable<SavedAccount> accounts) =>
        accounts.Select(a => new SavedItemRow(a.Id, a.OwnerId, a.CompanyId, a.CrmAccountId, a.SavedByHand, a.ImportedFromCrm));

    public async Task<IReadOnlyList<Guid>> InsertAsync(Guid contractId, IReadOnlyList<WantedItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var accounts = items.Select(item => new SavedAccount
        {
            ContractId = contractId, OwnerId = item.OwnerId, CompanyId = item.TargetId, CrmAccountId = item.RecordId,
            ImportedFromCrm = true, SavedAt = now,
        }).ToList();
        await db.InsertAsync(accounts, cancellationToken);
        return accounts.Select(a => a.Id).ToList();
    }

    public void Change(SavedItemChange change)
    {
        var entry = db.SavedAccounts.Local.FindEntry(change.Id) ?? db.SavedAccounts.Attach(new SavedAccount { Id = change.Id });
        if (change.SetTarget) entry.Property(a => a.CompanyId).CurrentValue = change.TargetId;
        if (change.SetRecord) entry.Property(a => a.CrmAccountId).CurrentValue = change.RecordId;
        entry.Property(a => a.ImportedFromCrm).CurrentValue = change.Imported;
        if (change.SetTarget) entry.Property(a => a.CompanyId).IsModified = true;
        if (change.SetRecord) entry.Property(a => a.CrmAccountId).IsModified = true;
        entry.Property(a => a.ImportedFromCrm).IsModified = true;
    }

    public Task DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        db.SavedAccounts.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);

    public SavedListEntry Entry(Guid listId, Guid itemId, DateTimeOffset now) => new() { ListId = listId, SavedAccountId = itemId, AddedAt = now };

    public async Task<List<SystemEntry>> SystemEntriesAsync(Guid contractId, List<Guid>? items, CancellationToken cancellationToken)
    {
        if (items is not null)
        {
            // As for leads: by the item index, then kept to the system lists.
            var lists = await SystemEntry.ListIdsAsync(db, contractId, SystemList, cancellationToken);
            var ids = items.Select(id => (Guid?)id).ToList();
            return (await db.SavedListEntries.Where(e => ids.Contains(e.SavedAccountId)).Select(e => new SystemEntry(e.Id, e.ListId, e.SavedAccountId!.Value))
                .ToListAsync(cancellationToken)).Where(e => lists.Contains(e.ListId)).ToList();
        }
        return await (from entry in db.SavedListEntries
                join list in db.SavedLists on entry.ListId equals list.Id
                where list.ContractId == contractId && list.SystemKey == SystemLists.CrmAccounts.Key && entry.SavedAccountId != null
                select new SystemEntry(entry.Id, entry.ListId, entry.SavedAccountId!.Value)).ToListAsync(cancellationToken);
    }
}
