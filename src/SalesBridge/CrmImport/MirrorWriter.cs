using Microsoft.EntityFrameworkCore;
using SalesBridge.Dataverse;
using SalesBridge.Persistence;

namespace SalesBridge.CrmImport;

/// <summary>
/// Writes one page of a change-tracking read into the contract's CRM records. Opportunities and stakeholder
/// connections are replaced or dropped at once (nothing points at them); accounts and contacts that left the CRM are
/// only marked <c>RemovedFromCrm</c>, and go in the run's last step together with what they brought in.
/// The caller commits the page with the run's checkpoint.
/// </summary>
internal sealed class MirrorWriter(SalesBridgeDbContext db, ImportScope scope)
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

    private async Task<PageWritten> OpportunitiesAsync(TrackedPage page, TableProgress progress, CancellationToken cancellationToken)
    {
        var rows = Upserts(page).Select(row => CrmRowParsing.Opportunity(row, scope)).ToList();
        var gone = Deletions(page).Concat(rows.Where(r => r is { IsOpen: false }).Select(r => r!.CrmId)).ToList();
        var open = rows.Where(r => r is { IsOpen: true }).Select(r => r!).DistinctBy(r => r.CrmId).ToList();
        var ids = open.Select(r => r.CrmId).ToList();
        var existing = await db.CrmOpportunities.Where(o => o.ContractId == scope.ContractId && ids.Contains(o.CrmId)).ToDictionaryAsync(o => o.CrmId, cancellationToken);
        foreach (var row in open)
        {
            if (!existing.TryGetValue(row.CrmId, out var record))
            {
                record = new CrmOpportunityRecord { ContractId = scope.ContractId, CrmId = row.CrmId };
                db.CrmOpportunities.Add(record);
            }
            row.CopyTo(record);
            if (progress.Full) record.ReadInRunId = progress.ReadId;
        }
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
        var ids = links.Select(r => r.CrmId).ToList();
        var existing = await db.CrmStakeholders.Where(s => s.ContractId == scope.ContractId && ids.Contains(s.CrmId)).ToDictionaryAsync(s => s.CrmId, cancellationToken);
        foreach (var row in links)
        {
            if (!existing.TryGetValue(row.CrmId, out var record))
            {
                record = new CrmStakeholderRecord { ContractId = scope.ContractId, CrmId = row.CrmId };
                db.CrmStakeholders.Add(record);
            }
            record.OpportunityCrmId = row.Link!.Value.Opportunity;
            record.ContactCrmId = row.Link!.Value.Contact;
            if (progress.Full) record.ReadInRunId = progress.ReadId;
        }
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
        var ids = valid.Select(r => r.CrmId).ToList();
        var existing = await db.CrmAccounts.Where(a => a.ContractId == scope.ContractId && ids.Contains(a.CrmId)).ToDictionaryAsync(a => a.CrmId, cancellationToken);
        var updated = 0;
        foreach (var row in valid)
        {
            var isNew = !existing.TryGetValue(row.CrmId, out var record);
            if (isNew)
            {
                record = new CrmAccountRecord { ContractId = scope.ContractId, CrmId = row.CrmId };
                db.CrmAccounts.Add(record);
            }
            if (row.CopyTo(record!) && !isNew) updated++;
            if (progress.Full) record!.ReadInRunId = progress.ReadId;
        }
        await MarkRemovedAsync(db.CrmAccounts, Deletions(page), cancellationToken);
        return new PageWritten(page.Changes.Count, updated, Invalid(rows.Count(r => r is null), ImportTables.Accounts));
    }

    private async Task<PageWritten> ContactsAsync(TrackedPage page, TableProgress progress, CancellationToken cancellationToken)
    {
        var rows = Upserts(page).Select(CrmRowParsing.Contact).ToList();
        var valid = rows.Where(r => r is not null).Select(r => r!).DistinctBy(r => r.CrmId).ToList();
        var ids = valid.Select(r => r.CrmId).ToList();
        var existing = await db.CrmContacts.Where(c => c.ContractId == scope.ContractId && ids.Contains(c.CrmId)).ToDictionaryAsync(c => c.CrmId, cancellationToken);
        var updated = 0;
        foreach (var row in valid)
        {
            var isNew = !existing.TryGetValue(row.CrmId, out var record);
            if (isNew)
            {
                record = new CrmContactRecord { ContractId = scope.ContractId, CrmId = row.CrmId };
                db.CrmContacts.Add(record);
            }
            if (row.CopyTo(record!) && !isNew) updated++;
            if (progress.Full) record!.ReadInRunId = progress.ReadId;
        }
        await MarkRemovedAsync(db.CrmContacts, Deletions(page), cancellationToken);
        return new PageWritten(page.Changes.Count, updated, Invalid(rows.Count(r => r is null), ImportTables.Contacts));
    }

    private Task MarkRemovedAsync(DbSet<CrmAccountRecord> accounts, List<Guid> ids, CancellationToken cancellationToken) => ids.Count == 0 ? Task.CompletedTask
        : accounts.Where(a => a.ContractId == scope.ContractId && ids.Contains(a.CrmId)).ExecuteUpdateAsync(u => u.SetProperty(a => a.RemovedFromCrm, true), cancellationToken);

    private Task MarkRemovedAsync(DbSet<CrmContactRecord> contacts, List<Guid> ids, CancellationToken cancellationToken) => ids.Count == 0 ? Task.CompletedTask
        : contacts.Where(c => c.ContractId == scope.ContractId && ids.Contains(c.CrmId)).ExecuteUpdateAsync(u => u.SetProperty(c => c.RemovedFromCrm, true), cancellationToken);

    private static IEnumerable<System.Text.Json.Nodes.JsonObject> Upserts(TrackedPage page) => page.Changes.OfType<TrackedChange.Upserted>().Select(c => c.Row);

    private static List<Guid> Deletions(TrackedPage page) => page.Changes.OfType<TrackedChange.Deleted>().Select(c => c.Id).ToList();

    private static IReadOnlyList<RecordProblem> Invalid(int count, string table) => count == 0 ? []
        : [new RecordProblem(ImportTables.LogicalName(table), null, $"{count} row(s) without a valid id were skipped.")];
}

/// <summary>What a page did: rows read, records whose values changed, rows that could not be used.</summary>
internal sealed record PageWritten(int Rows, int Updated, IReadOnlyList<RecordProblem> Problems);

/// <summary>A record a run could not use, and why; saved as a <see cref="SyncRunError"/>.</summary>
internal sealed record RecordProblem(string Table, Guid? CrmId, string Message);
