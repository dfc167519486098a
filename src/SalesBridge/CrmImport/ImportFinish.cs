using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmSettings;
using SalesBridge.Matching;
using SalesBridge.Persistence;

namespace SalesBridge.CrmImport;

/// <summary>
/// The run's last steps: plan what each syncing seat holder gets, match what is new, and then, in one transaction,
/// change the saved leads and accounts and their system lists, drop the records that left the CRM, keep the change
/// tracking links for the next run and close the run. Until that commit nobody sees any of it (S21).
/// </summary>
internal sealed class ImportFinish(SalesBridgeDbContext db, TimeProvider time, RunJournal journal)
{
    private const int MaxMissingReported = 100;

    public async Task FinishAsync(ContractCrmSettings settings, CrmImportState state, ReadCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var contractId = journal.Run.ContractId;
        journal.Step("Planning");
        var seats = await SyncingSeats.LoadAsync(db, contractId, cancellationToken);
        var stage = StageThreshold.For(settings.PipelineStageColumn is null ? null : settings.PipelineStageValue, checkpoint.StageOrder);
        var fingerprint = PlanInputs.Fingerprint(seats, settings, checkpoint.StageOrder);
        // Only changes were read and the seats and stage are as the last run left them: everything the reads did not
        // touch is saved as the plan wants it, so only the touched records are planned, matched and compared.
        var last = await PlanInputs.LastAsync(db, journal.Run, cancellationToken);
        var touched = checkpoint.Touched is { Overflow: false } notes && checkpoint.Tables.Values.All(t => !t.Full)
            && last.Fingerprint == fingerprint ? notes : null;
        var plan = touched is null ? await LoadPlanAsync(contractId, seats, stage, cancellationToken)
            : await TouchedPlan.LoadAsync(db, contractId, seats, stage, touched, cancellationToken);
        var accountIds = plan.AllAccounts;
        var contactIds = plan.AllContacts;
        var matching = new RecordMatching(db, kept: last.Models);
        journal.Step("Matching accounts");
        var matchedAccounts = await matching.MatchAccountsAsync(contractId, accountIds, cancellationToken, onlyInScope: touched is not null);
        MatchingMemory.Release(matchedAccounts.Count);
        journal.Step("Matching contacts");
        var matchedContacts = await matching.MatchContactsAsync(contractId, contactIds, cancellationToken, onlyInScope: touched is not null);
        MatchingMemory.Release(matchedContacts.Count);
        journal.StepDone();

        journal.Step("Saving matches");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.UpdateAsync(matchedAccounts, RecordMatching.AccountColumns, cancellationToken);
        await db.UpdateAsync(matchedContacts, RecordMatching.ContactColumns, cancellationToken);
        journal.Step("Saving to the workspace");
        var accountRows = await AccountTiesAsync(contractId, touched?.Accounts, cancellationToken);
        var contactRows = await ContactTiesAsync(contractId, touched?.Contacts, cancellationToken);
        var accounts = Existing(accountRows);
        var contacts = Existing(contactRows);
        var applier = new SavedItemsApplier(db, time);
        journal.Step("Saving accounts");
        var accountsWanted = Wanted(plan.AccountsBySeat, accounts, "account");
        var accountDiff = await applier.ApplyAsync(new SavedAccountTable(db), contractId, accountsWanted, ScopeOf(touched, accountRows, accountsWanted), cancellationToken);
        journal.Step("Saving leads");
        var leadsWanted = Wanted(plan.ContactsBySeat, contacts, "contact");
        var leadDiff = await applier.ApplyAsync(new SavedLeadTable(db), contractId, leadsWanted, ScopeOf(touched, contactRows, leadsWanted), cancellationToken);

        journal.Step("Finishing");
        var (inScope, matched) = touched is null
            ? (accountIds.Count(accounts.ContainsKey) + contactIds.Count(contacts.ContainsKey),
                accountIds.Count(id => accounts.TryGetValue(id, out var a) && a.TargetId is not null)
                + contactIds.Count(id => contacts.TryGetValue(id, out var c) && c.TargetId is not null))
            : await TouchedPlan.ScopeCountsAsync(db, contractId, cancellationToken);
        // What left the CRM goes now that nothing saved points at it any more (hand-saved items lose only the tie).
        await DeleteRemovedAsync(contractId, touched is null ? null : contactRows, touched is null ? null : accountRows, cancellationToken);

        journal.Count(c => c with
        {
            Seats = plan.Seats.Count,
            Added = accountDiff.Added + leadDiff.Added,
            Removed = accountDiff.Removed + leadDiff.Removed,
            Updated = c.Updated + accountDiff.Rematched + leadDiff.Rematched,
            Matched = matched,
            Unmatched = inScope - matched,
        });
        await SaveStateAsync(settings, state, checkpoint, cancellationToken);
        await CloseRunAsync(fingerprint, matching.Models, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<ImportPlan> LoadPlanAsync(Guid contractId, IReadOnlyList<SyncingSeat> seats, StageThreshold stage, CancellationToken cancellationToken)
    {
        var owners = seats.Select(s => (Guid?)s.CrmUserId).Distinct().ToList();
        var opportunities = await db.CrmOpportunities.AsNoTracking().Where(o => o.ContractId == contractId && owners.Contains(o.OwnerCrmUserId))
            .Select(o => new OpportunityFacts(o.CrmId, o.OwnerCrmUserId, o.StageValue, o.AccountCrmId, o.ContactCrmId, o.CustomerCrmId, o.CustomerIsAccount))
            .ToListAsync(cancellationToken);
        var stakeholders = await db.CrmStakeholders.AsNoTracking().Where(s => s.ContractId == contractId)
            .Select(s => new { s.OpportunityCrmId, s.ContactCrmId }).ToListAsync(cancellationToken);
        return ImportPlan.Make(seats, opportunities, stakeholders.ToLookup(s => s.OpportunityCrmId, s => s.ContactCrmId), stage);
    }

    /// <summary>The accounts' ties (only the touched ones when given), also of those that left the CRM.</summary>
    private async Task<List<RecordTie>> AccountTiesAsync(Guid contractId, IReadOnlyCollection<Guid>? touched, CancellationToken cancellationToken)
    {
        var records = db.CrmAccounts.Where(a => a.ContractId == contractId);
        if (touched is not null)
        {
            var ids = touched.ToList();
            records = records.Where(a => ids.Contains(a.CrmId));
        }
        return await records.Select(a => new RecordTie(a.Id, a.CrmId, a.CompanyId, a.RemovedFromCrm)).ToListAsync(cancellationToken);
    }

    /// <summary>The contacts' ties (only the touched ones when given), also of those that left the CRM.</summary>
    private async Task<List<RecordTie>> ContactTiesAsync(Guid contractId, IReadOnlyCollection<Guid>? touched, CancellationToken cancellationToken)
    {
        var records = db.CrmContacts.Where(c => c.ContractId == contractId);
        if (touched is not null)
        {
            var ids = touched.ToList();
            records = records.Where(c => ids.Contains(c.CrmId));
        }
        return await records.Select(c => new RecordTie(c.Id, c.CrmId, c.PersonId, c.RemovedFromCrm)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes the records that left the CRM: of the given ties (a run that read only changes: every record its reads
    /// marked removed is among its touched ones), else every such record of the contract.
    /// </summary>
    private async Task DeleteRemovedAsync(Guid contractId, List<RecordTie>? contacts, List<RecordTie>? accounts, CancellationToken cancellationToken)
    {
        if (contacts is null || accounts is null)
        {
            await db.CrmContacts.Where(c => c.ContractId == contractId && c.RemovedFromCrm).ExecuteDeleteAsync(cancellationToken);
            await db.CrmAccounts.Where(a => a.ContractId == contractId && a.RemovedFromCrm).ExecuteDeleteAsync(cancellationToken);
            return;
        }
        var goneContacts = contacts.Where(r => r.Removed).Select(r => r.Id).ToList();
        var goneAccounts = accounts.Where(r => r.Removed).Select(r => r.Id).ToList();
        if (goneContacts.Count > 0) await db.CrmContacts.Where(c => goneContacts.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        if (goneAccounts.Count > 0) await db.CrmAccounts.Where(a => goneAccounts.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The records by CRM id, without those that left the CRM (nothing brings them in any more).</summary>
    private static Dictionary<Guid, RecordTie> Existing(List<RecordTie> records) => records.Where(r => !r.Removed).ToDictionary(r => r.CrmId);

    /// <summary>
    /// For a run that compares only touched records: the saved items of the touched records (also of those that left
    /// the CRM, whose items go) and of the people or companies the plan now ties them to; null: compare all.
    /// </summary>
    private static SavedItemScope? ScopeOf(TouchedRecords? touched, List<RecordTie> records, List<WantedItem> wanted) => touched is null ? null
        : new SavedItemScope(records.Select(r => r.Id).ToHashSet(), wanted.Where(w => w.TargetId is not null).Select(w => w.OwnerId).ToHashSet(),
            wanted.Where(w => w.TargetId is not null).Select(w => w.TargetId!.Value).ToHashSet());

    /// <summary>The saved items the plan wants; a CRM id the org did not let SalesBridge read is reported, not invented.</summary>
    private List<WantedItem> Wanted(IReadOnlyDictionary<Guid, HashSet<Guid>> bySeat, Dictionary<Guid, RecordTie> records, string table)
    {
        var wanted = new List<WantedItem>();
        var missing = new HashSet<Guid>();
        foreach (var (owner, crmIds) in bySeat)
        {
            foreach (var crmId in crmIds)
            {
                if (records.TryGetValue(crmId, out var record)) wanted.Add(new WantedItem(owner, record.Id, record.TargetId));
                else missing.Add(crmId);
            }
        }
        journal.Record(missing.Take(MaxMissingReported).Select(id => new RecordProblem(table, id,
            $"An open opportunity refers to this {table}, but it was not among the rows the CRM returned (deleted, or not readable by the connected user).")));
        return wanted;
    }

    private async Task SaveStateAsync(ContractCrmSettings settings, CrmImportState state, ReadCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        if (db.Entry(state).State == EntityState.Detached)
        {
            if (await db.CrmImportStates.AnyAsync(s => s.ContractId == state.ContractId, cancellationToken)) db.CrmImportStates.Update(state);
            else db.CrmImportStates.Add(state);
        }
        state.StageColumn = settings.PipelineStageColumn;
        state.StageOrder = checkpoint.StageOrder;
        state.StakeholderRoleIds = checkpoint.StakeholderRoleIds;
        state.OpportunitiesDeltaLink = checkpoint.For(ImportTables.Opportunities).DeltaLink;
        state.StakeholdersDeltaLink = checkpoint.For(ImportTables.Stakeholders).DeltaLink;
        state.AccountsDeltaLink = checkpoint.For(ImportTables.Accounts).DeltaLink;
        state.ContactsDeltaLink = checkpoint.For(ImportTables.Contacts).DeltaLink;
        if (checkpoint.Tables.Values.Any(t => t.Full)) state.LastFullReadAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <param name="fingerprint">What the saved items were brought in line with, kept on the run for the next one.</param>
    /// <param name="models">The matching weights for the next runs, kept on the run as well.</param>
    private async Task CloseRunAsync(string fingerprint, MatchModels models, CancellationToken cancellationToken)
    {
        var run = journal.Run;
        var now = time.GetUtcNow();
        run.Status = run.Counts.Errors > 0 ? SyncRunStatus.SucceededWithErrors : SyncRunStatus.Succeeded;
        run.EndedAt = now;
        run.StepsDone = run.StepCount;
        journal.Step("Finished");
        await db.OrgConnections.Where(c => c.ContractId == run.ContractId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.LastCompletedSyncAt, now), cancellationToken);
        await journal.SaveRunAsync(new ReadCheckpoint { PlanFingerprint = fingerprint, MatchModels = models }, cancellationToken);

        // Only the latest successful run's checkpoint is read again (PlanInputs.LastAsync): the older ones' weights, some
        // tens of kilobytes each, would otherwise pile up with every scheduled run.
        await db.SyncRuns
            .Where(r => r.ContractId == run.ContractId && r.Id != run.Id && r.Checkpoint != null
                && (r.Status == SyncRunStatus.Succeeded || r.Status == SyncRunStatus.SucceededWithErrors))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Checkpoint, (string?)null), cancellationToken);
    }

    private sealed record RecordTie(Guid Id, Guid CrmId, Guid? TargetId, bool Removed);
}
