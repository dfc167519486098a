using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmSettings;
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
        var plan = await LoadPlanAsync(contractId, seats, StageThreshold.For(settings.PipelineStageColumn is null ? null : settings.PipelineStageValue, checkpoint.StageOrder), cancellationToken);
        var accountIds = plan.AllAccounts;
        var contactIds = plan.AllContacts;
        var matching = new RecordMatching(db);
        journal.Step("Matching accounts");
        var matchedAccounts = await matching.MatchAccountsAsync(contractId, accountIds, cancellationToken);
        journal.Step("Matching contacts");
        var matchedContacts = await matching.MatchContactsAsync(contractId, contactIds, cancellationToken);
        journal.StepDone();

        journal.Step("Saving matches");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.UpdateAsync(matchedAccounts, RecordMatching.AccountColumns, cancellationToken);
        await db.UpdateAsync(matchedContacts, RecordMatching.ContactColumns, cancellationToken);
        journal.Step("Saving to the workspace");
        var accounts = await RecordsAsync(db.CrmAccounts.Where(a => a.ContractId == contractId && !a.RemovedFromCrm)
            .Select(a => new RecordTie(a.Id, a.CrmId, a.CompanyId)), cancellationToken);
        var contacts = await RecordsAsync(db.CrmContacts.Where(c => c.ContractId == contractId && !c.RemovedFromCrm)
            .Select(c => new RecordTie(c.Id, c.CrmId, c.PersonId)), cancellationToken);
        var applier = new SavedItemsApplier(db, time);
        journal.Step("Saving accounts");
        var accountDiff = await applier.ApplyAsync(new SavedAccountTable(db), contractId, Wanted(plan.AccountsBySeat, accounts, "account"), cancellationToken);
        journal.Step("Saving leads");
        var leadDiff = await applier.ApplyAsync(new SavedLeadTable(db), contractId, Wanted(plan.ContactsBySeat, contacts, "contact"), cancellationToken);

        journal.Step("Finishing");
        // What left the CRM goes now that nothing saved points at it any more (hand-saved items lose only the tie).
        await db.CrmContacts.Where(c => c.ContractId == contractId && c.RemovedFromCrm).ExecuteDeleteAsync(cancellationToken);
        await db.CrmAccounts.Where(a => a.ContractId == contractId && a.RemovedFromCrm).ExecuteDeleteAsync(cancellationToken);

        var matched = accountIds.Count(id => accounts.TryGetValue(id, out var a) && a.TargetId is not null)
            + contactIds.Count(id => contacts.TryGetValue(id, out var c) && c.TargetId is not null);
        var inScope = accountIds.Count(accounts.ContainsKey) + contactIds.Count(contacts.ContainsKey);
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
        await CloseRunAsync(cancellationToken);
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

    private static async Task<Dictionary<Guid, RecordTie>> RecordsAsync(IQueryable<RecordTie> records, CancellationToken cancellationToken) =>
        await records.ToDictionaryAsync(r => r.CrmId, cancellationToken);

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

    private async Task CloseRunAsync(CancellationToken cancellationToken)
    {
        var run = journal.Run;
        var now = time.GetUtcNow();
        run.Status = run.Counts.Errors > 0 ? SyncRunStatus.SucceededWithErrors : SyncRunStatus.Succeeded;
        run.EndedAt = now;
        run.StepsDone = run.StepCount;
        journal.Step("Finished");
        await db.OrgConnections.Where(c => c.ContractId == run.ContractId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.LastCompletedSyncAt, now), cancellationToken);
        await journal.SaveRunAsync(checkpoint: null, cancellationToken);
    }

    private sealed record RecordTie(Guid Id, Guid CrmId, Guid? TargetId);
}
