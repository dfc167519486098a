using Microsoft.EntityFrameworkCore;
using SalesBridge.Dataverse;
using SalesBridge.Persistence;

namespace SalesBridge.CrmImport;

/// <summary>
/// Writes one page of a change-tracking read into the contract's CRM records. Opportunities and stakeholder
/// connections are replaced or dropped at once (nothing points at them); accounts and contacts that left the CRM are
/// only marked <c>RemovedFromCrm</c>, and go in the run's last step together with what they brought in.
/// The caller commits the page with the run's checkpoint. A change read notes in <paramref name="touched"/> which
/// accounts and contacts its rows concern, before and after, so the run's end compares only their saved items.
/// </summary>
internal sealed class MirrorWriter(SalesBridgeDbContext db, ImportScope scope, TouchedRecords? touched = null)
{
    public ImportScope Scope => scope;

    public async Task<PageWritten> WriteAsync(string table, TrackedPage page, TableProgress progress, CancellationToken cancellationToken) => table switch
    {
        ImportTables.Opportunities => await OpportunitiesAsync(page, progress, cancellationToken),
        ImportTables.Stakeholders => await StakeholdersAsync(page, progress, cancellationToken),
        ImportTables.Accounts => await AccountsAsync(page, progress, cancellationToken),
        ImportTables.Contacts => await ContactsAsync(page, progress, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Not a table the import reads."),
    };

    /// <summary>After a full read of <paramref name="table"/>: what it did not see is gone from the CRM.</summary>
    public async Task<int> DropUnseenAsync(string table, Guid readId, CancellationToken cancellationToken)
    {
        // The last page's rows must carry the read's id before the rows without it are dropped.
        await db.SaveChangesAsync(cancellationToken);
        var contractId = scope.ContractId;
        return table switch
        {
            ImportTables.Opportunities => await db.CrmOpportunities.Where(o => o.ContractId == contractId && o.ReadInRunId != readId).ExecuteDeleteAsync(cancellationToken),
            ImportTables.Stakeholders => await db.CrmStakeholders.Where(s => s.ContractId == contractId && s.ReadInRunId != readId).ExecuteDeleteAsync(cancellationToken),
            ImportTables.Accounts => await db.CrmAccounts.Where(a => a.ContractId == contractId && a.ReadInRunId != readId && !a.RemovedFromCrm)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.RemovedFromCrm, true), cancellationToken),
            ImportTables.Contacts => await db.CrmContacts.Where(c => c.ContractId == contractId && c.ReadInRunId != readId && !c.RemovedFromCrm)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.RemovedFromCrm, true), cancellationToken),
            _ => 0,
        };
    }

    /// <summary>Whether the contract has no records of <paramref name="table"/> yet (then a full read only inserts).</summary>
    public async Task<bool> IsEmptyAsync(string table, CancellationToken cancellationToken)
    {
        var contractId = scope.ContractId;
        return table switch
        {
            ImportTables.Opportunities => !await db.CrmOpportunities.AnyAsync(o => o.ContractId == contractId, cancellationToken),
            ImportTables.Stakeholders => !await db.CrmStakeholders.AnyAsync(s => s.ContractId == contractId, cancellationToken),
            ImportTables.Accounts => !await db.CrmAccounts.AnyAsync(a => a.ContractId == contractId, cancellationToken),
            _ => !await db.CrmContacts.AnyAsync(c => c.ContractId == contractId, cancellationToken),
        };
    }

    private async Task<PageWritten> OpportunitiesAsync(TrackedPage page, TableProgress progress, CancellationToken cancellationToken)
    {
        var rows = Upserts(page).Select(row => CrmRowParsing.Opportunity(row, scope)).ToList();
        var gone = Deletions(page).Concat(rows.Where(r => r is { IsOpen: false }).Select(r => r!.CrmId)).ToList();
        var open = rows.Where(r => r is { IsOpen: true }).Select(r => r!).DistinctBy(r => r.CrmId).ToList();
        if (Tracks(progress)) await TouchOpportunitiesAsync(gone.Concat(open.Select(r => r.CrmId)).ToList(), open, cancellationToken);
        await UpsertAsync(db.CrmOpportunities, open, r => r.CrmId, id => new CrmOpportunityRecord { ContractId = scope.ContractId, CrmId = id },
            (row, record) => { row.CopyTo(record); return RecordCopy.Changed; }, OpportunityColumns, progress, cancellationToken);
        if (gone.Count > 0)
        {
            await db.CrmOpportunities.Where(o => o.ContractId == scope.ContractId && gone.Contains(o.CrmId)).ExecuteDeleteAsync(cancellationToken);
        }
        return new PageWritten(page.Changes.Count, Updated: 0, Invalid(rows.Count(r => r is null), ImportTables.Opportunities));
    }

    private async Task<PageWritten> StakeholdersAsync(TrackedPage page, TableProgress progress, CancellationToken cancellationToken)
    {
        var rows = Upserts(page).Select(row => CrmRowParsing.Stakeholder(row, scope)).ToList();
        // A connection that is (no longer) an opportunity–contact stakeholder link leaves like a deleted one.
        var gone = Deletions(page).Concat(rows.Where(r => r is { Link: null }).Select(r => r!.CrmId)).ToList();
        var links = rows.Where(r => r is { Link: not null }).Select(r => r!).DistinctBy(r => r.CrmId).ToList();
        if (Tracks(progress)) await TouchStakeholdersAsync(gone.Concat(links.Select(r => r.CrmId)).ToList(), links, cancellationToken);
        await UpsertAsync(db.CrmStakeholders, links, r => r.CrmId, id => new CrmStakeholderRecord { ContractId = scope.ContractId, CrmId = id },
            (row, record) => { (record.OpportunityCrmId, record.ContactCrmId) = row.Link!.Value; return RecordCopy.Changed; }, StakeholderColumns, progress,
            cancellationToken);
        if (gone.Count > 0)
        {
            await db.CrmStakeholders.Where(s => s.ContractId == scope.ContractId && gone.Contains(s.CrmId)).ExecuteDeleteAsync(cancellationToken);
        }
        return new PageWritten(page.Changes.Count, Updated: 0, Invalid(rows.Count(r => r is null), ImportTables.Stakeholders));
    }

    private async Task<PageWritten> AccountsAsync(TrackedPage page, TableProgress progress, CancellationToken cancellationToken)
    {
        var rows = Upserts(page).Select(CrmRowParsing.Account).ToList();
        var valid = rows.Where(r => r is not null).Select(r => r!).DistinctBy(r => r.CrmId).ToList();
        var updated = await UpsertAsync(db.CrmAccounts, valid, r => r.CrmId, id => new CrmAccountRecord { ContractId = scope.ContractId, CrmId = id },
            (row, record) => row.CopyTo(record), AccountColumns, progress, cancellationToken);
        await MarkRemovedAsync(db.CrmAccounts, Deletions(page), cancellationToken);
        if (Tracks(progress)) touched!.Add(valid.Select(r => (Guid?)r.CrmId).Concat(Deletions(page).Select(id => (Guid?)id)), accounts: true);
        return new PageWritten(page.Changes.Count, updated, Invalid(rows.Count(r => r is null), ImportTables.Accounts));
    }

    private async Task<PageWritten> ContactsAsync(TrackedPage page, TableProgress progress, CancellationToken cancellationToken)
    {
        var rows = Upserts(page).Select(CrmRowParsing.Contact).ToList();
        var valid = rows.Where(r => r is not null).Select(r => r!).DistinctBy(r => r.CrmId).ToList();
        var updated = await UpsertAsync(db.CrmContacts, valid, r => r.CrmId, id => new CrmContactRecord { ContractId = scope.ContractId, CrmId = id },
            (row, record) => row.CopyTo(record), ContactColumns, progress, cancellationToken);
        await MarkRemovedAsync(db.CrmContacts, Deletions(page), cancellationToken);
        if (Tracks(progress)) touched!.Add(valid.Select(r => (Guid?)r.CrmId).Concat(Deletions(page).Select(id => (Guid?)id)), accounts: false);
        return new PageWritten(page.Changes.Count, updated, Invalid(rows.Count(r => r is null), ImportTables.Contacts));
    }

    /// <summary>A full read re-plans everything anyway; only change reads note what they touched.</summary>
    private bool Tracks(TableProgress progress) => touched is not null && !progress.Full;

    /// <summary>The records the opportunities pointed at before this page (their stakeholders too) and point at after it.</summary>
    private async Task TouchOpportunitiesAsync(List<Guid> ids, List<OpportunityRow> open, CancellationToken cancellationToken)
    {
        var contractId = scope.ContractId;
        var before = await db.CrmOpportunities.AsNoTracking().Where(o => o.ContractId == contractId && ids.Contains(o.CrmId))
            .Select(o => new { o.AccountCrmId, o.ContactCrmId, o.CustomerCrmId, o.CustomerIsAccount }).ToListAsync(cancellationToken);
        var stakeholders = await db.CrmStakeholders.AsNoTracking().Where(s => s.ContractId == contractId && ids.Contains(s.OpportunityCrmId))
            .Select(s => (Guid?)s.ContactCrmId).ToListAsync(cancellationToken);
        var after = open.Select(o => new { o.AccountCrmId, o.ContactCrmId, o.CustomerCrmId, o.CustomerIsAccount }).ToList();
        foreach (var o in before.Concat(after))
        {
            touched!.Add([o.AccountCrmId, o.CustomerIsAccount ? o.CustomerCrmId : null], accounts: true);
            touched.Add([o.ContactCrmId, o.CustomerIsAccount ? null : o.CustomerCrmId], accounts: false);
        }
        touched!.Add(stakeholders, accounts: false);
    }

    /// <summary>The contacts the connections named before this page and name after it.</summary>
    private async Task TouchStakeholdersAsync(List<Guid> ids, List<StakeholderRow> links, CancellationToken cancellationToken)
    {
        var contractId = scope.ContractId;
        var before = await db.CrmStakeholders.AsNoTracking().Where(s => s.ContractId == contractId && ids.Contains(s.CrmId))
            .Select(s => (Guid?)s.ContactCrmId).ToListAsync(cancellationToken);
        touched!.Add(before.Concat(links.Select(l => (Guid?)l.Link!.Value.Contact)), accounts: false);
    }

    /// <summary>
    /// Writes a page's rows into their records in bulk (<see cref="BulkWrites"/>: EF's change tracker cost more per row than
    /// the database): new rows inserted, existing ones updated when a value changed or a full read marks them seen. Only
    /// the columns a CRM row sets are written, and a record's pending match and search text only when a compared value
    /// changed, so a match a seat holder chose meanwhile is never written over. Returns how many existing records changed.
    /// </summary>
    private async Task<int> UpsertAsync<TRecord, TRow>(DbSet<TRecord> records, IReadOnlyList<TRow> rows, Func<TRow, Guid> crmId, Func<Guid, TRecord> create,
        Func<TRow, TRecord, RecordCopy> copy, RecordColumns columns, TableProgress progress, CancellationToken cancellationToken) where TRecord : class, ICrmRecord
    {
        var existing = new Dictionary<Guid, TRecord>();
        if (!progress.InsertOnly)
        {
            var ids = rows.Select(crmId).ToList();
            existing = await records.AsNoTracking().Where(r => r.ContractId == scope.ContractId && ids.Contains(r.CrmId)).ToDictionaryAsync(r => r.CrmId, cancellationToken);
        }
        var fresh = new List<TRecord>();
        var changed = new List<TRecord>();
        var rematched = new List<TRecord>();
        var updated = 0;
        foreach (var row in rows)
        {
            var isNew = !existing.TryGetValue(crmId(row), out var record);
            record ??= create(crmId(row));
            var change = copy(row, record);
            if (progress.Full) record.ReadInRunId = progress.ReadId;
            if (isNew) fresh.Add(record);
            else if (change == RecordCopy.MatchFieldsChanged) rematched.Add(record);
            else if (change == RecordCopy.Changed || progress.Full) changed.Add(record);
            if (!isNew && change != RecordCopy.Unchanged) updated++;
        }
        await db.InsertAsync(fresh, cancellationToken);
        await db.UpdateAsync(changed, columns.Values, cancellationToken);
        await db.UpdateAsync(rematched, columns.ValuesAndMatching, cancellationToken);
        return updated;
    }

    private Task MarkRemovedAsync(DbSet<CrmAccountRecord> accounts, List<Guid> ids, CancellationToken cancellationToken) => ids.Count == 0 ? Task.CompletedTask
        : accounts.Where(a => a.ContractId == scope.ContractId && ids.Contains(a.CrmId)).ExecuteUpdateAsync(u => u.SetProperty(a => a.RemovedFromCrm, true), cancellationToken);

    private Task MarkRemovedAsync(DbSet<CrmContactRecord> contacts, List<Guid> ids, CancellationToken cancellationToken) => ids.Count == 0 ? Task.CompletedTask
        : contacts.Where(c => c.ContractId == scope.ContractId && ids.Contains(c.CrmId)).ExecuteUpdateAsync(u => u.SetProperty(c => c.RemovedFromCrm, true), cancellationToken);

    private static readonly RecordColumns OpportunityColumns = new(
    [
        nameof(CrmOpportunityRecord.Name), nameof(CrmOpportunityRecord.OwnerCrmUserId), nameof(CrmOpportunityRecord.StageValue),
        nameof(CrmOpportunityRecord.AccountCrmId), nameof(CrmOpportunityRecord.ContactCrmId), nameof(CrmOpportunityRecord.CustomerCrmId),
        nameof(CrmOpportunityRecord.CustomerIsAccount), nameof(ICrmRecord.ReadInRunId),
    ]);

    private static readonly RecordColumns StakeholderColumns = new(
        [nameof(CrmStakeholderRecord.OpportunityCrmId), nameof(CrmStakeholderRecord.ContactCrmId), nameof(ICrmRecord.ReadInRunId)]);

    private static readonly RecordColumns AccountColumns = new(
    [
        nameof(CrmAccountRecord.Name), nameof(CrmAccountRecord.Website), nameof(CrmAccountRecord.Phone), nameof(CrmAccountRecord.City),
        nameof(CrmAccountRecord.Region), nameof(CrmAccountRecord.Country), nameof(CrmAccountRecord.RemovedFromCrm), nameof(ICrmRecord.ReadInRunId),
    ]);

    private static readonly RecordColumns ContactColumns = new(
    [
        nameof(CrmContactRecord.FirstName), nameof(CrmContactRecord.LastName), nameof(CrmContactRecord.Email), nameof(CrmContactRecord.JobTitle),
        nameof(CrmContactRecord.Phone), nameof(CrmContactRecord.City), nameof(CrmContactRecord.Country), nameof(CrmContactRecord.AccountCrmId),
        nameof(CrmContactRecord.CompanyName), nameof(CrmContactRecord.RemovedFromCrm), nameof(ICrmRecord.ReadInRunId),
    ]);

    private static IEnumerable<System.Text.Json.Nodes.JsonObject> Upserts(TrackedPage page) => page.Changes.OfType<TrackedChange.Upserted>().Select(c => c.Row);

    private static List<Guid> Deletions(TrackedPage page) => page.Changes.OfType<TrackedChange.Deleted>().Select(c => c.Id).ToList();

    private static IReadOnlyList<RecordProblem> Invalid(int count, string table) => count == 0 ? []
        : [new RecordProblem(ImportTables.LogicalName(table), null, $"{count} row(s) without a valid id were skipped.")];
}

/// <summary>What a page did: rows read, records whose values changed, rows that could not be used.</summary>
internal sealed record PageWritten(int Rows, int Updated, IReadOnlyList<RecordProblem> Problems);

/// <summary>A record a run could not use, and why; saved as a <see cref="SyncRunError"/>.</summary>
internal sealed record RecordProblem(string Table, Guid? CrmId, string Message);

/// <summary>
/// The columns a CRM row sets on its record, and with them the two matching keeps current when a compared value changes
/// (the pending match, the search text).
/// </summary>
internal sealed record RecordColumns(IReadOnlyCollection<string> Values)
{
    public IReadOnlyCollection<string> ValuesAndMatching { get; } = [.. Values, nameof(CrmContactRecord.MatchPending), nameof(CrmContactRecord.SearchText)];
}
