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
    Task<List<(Guid ListId, Guid ItemId)>> SystemEntriesAsync(Guid contractId, List<Guid>? items, CancellationToken cancellationToken);
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
        var byRecord = await Rows(leads.Where(l => records.Contains(l.CrmContactId))).ToListAsync(cancellationToken);
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

    public async Task<List<(Guid ListId, Guid ItemId)>> SystemEntriesAsync(Guid contractId, List<Guid>? items, CancellationToken cancellationToken)
    {
        var entries = db.SavedListEntries.AsQueryable();
        if (items is not null)
        {
            var ids = items.Select(id => (Guid?)id).ToList();
            entries = entries.Where(e => ids.Contains(e.SavedLeadId));
        }
        return (await (from entry in entries
                join list in db.SavedLists on entry.ListId equals list.Id
                where list.ContractId == contractId && list.SystemKey == SystemLists.CrmLeads.Key && entry.SavedLeadId != null
                select new { entry.ListId, ItemId = entry.SavedLeadId!.Value }).ToListAsync(cancellationToken))
            .Select(e => (e.ListId, e.ItemId)).ToList();
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
        var byRecord = await Rows(accounts.Where(a => records.Contains(a.CrmAccountId))).ToListAsync(cancellationToken);
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

    public async Task<List<(Guid ListId, Guid ItemId)>> SystemEntriesAsync(Guid contractId, List<Guid>? items, CancellationToken cancellationToken)
    {
        var entries = db.SavedListEntries.AsQueryable();
        if (items is not null)
        {
            var ids = items.Select(id => (Guid?)id).ToList();
            entries = entries.Where(e => ids.Contains(e.SavedAccountId));
        }
        return (await (from entry in entries
                join list in db.SavedLists on entry.ListId equals list.Id
                where list.ContractId == contractId && list.SystemKey == SystemLists.CrmAccounts.Key && entry.SavedAccountId != null
                select new { entry.ListId, ItemId = entry.SavedAccountId!.Value }).ToListAsync(cancellationToken))
            .Select(e => (e.ListId, e.ItemId)).ToList();
    }
}
