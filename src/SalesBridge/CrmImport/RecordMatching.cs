using Microsoft.EntityFrameworkCore;
using SalesBridge.Matching;
using SalesBridge.Persistence;
using SalesBridge.Text;

namespace SalesBridge.CrmImport;

/// <summary>
/// Ties the CRM records a run brings in to workspace people and companies (SPEC S11) with the matching engine: records
/// that are new or changed in a compared field, against the directory records no other CRM record holds (one-to-one).
/// A choice a seat holder or admin made (<see cref="CrmMatchState.ChosenByUser"/>) is kept. The records come back
/// changed but untracked; the run saves them in bulk with everything else in its last step.
/// </summary>
internal sealed class RecordMatching(SalesBridgeDbContext db, MatchingOptions? options = null)
{
    /// <summary>The columns matching changes, for saving the records in bulk.</summary>
    public static readonly IReadOnlyCollection<string> ContactColumns = [nameof(CrmContactRecord.PersonId), nameof(CrmContactRecord.MatchPending),
        nameof(CrmMatch.State), nameof(CrmMatch.Score), nameof(CrmMatch.Summary), nameof(CrmMatch.Evidence)];

    public static readonly IReadOnlyCollection<string> AccountColumns = [nameof(CrmAccountRecord.CompanyId), nameof(CrmAccountRecord.MatchPending),
        nameof(CrmMatch.State), nameof(CrmMatch.Score), nameof(CrmMatch.Summary), nameof(CrmMatch.Evidence)];

    public async Task<IReadOnlyList<CrmContactRecord>> MatchContactsAsync(Guid contractId, IReadOnlySet<Guid> inScope, CancellationToken cancellationToken)
    {
        var pending = (await db.CrmContacts.AsNoTracking().Where(c => c.ContractId == contractId && c.MatchPending && !c.RemovedFromCrm).ToListAsync(cancellationToken))
            .Where(c => inScope.Contains(c.CrmId)).ToList();
        if (pending.Count == 0) return [];
        var results = await DecideContactsAsync(contractId, pending.Where(c => c.Match.IsAutomatic).ToList(), cancellationToken);
        foreach (var contact in pending)
        {
            contact.MatchPending = false;
            if (!contact.Match.IsAutomatic) continue;
            var result = results.GetValueOrDefault(contact.Id);
            contact.PersonId = result?.CrmId is { } personId ? Guid.Parse(personId) : null;
            contact.Match = Decision(result, "person");
        }
        return pending;
    }

    public async Task<IReadOnlyList<CrmAccountRecord>> MatchAccountsAsync(Guid contractId, IReadOnlySet<Guid> inScope, CancellationToken cancellationToken)
    {
        var pending = (await db.CrmAccounts.AsNoTracking().Where(a => a.ContractId == contractId && a.MatchPending && !a.RemovedFromCrm).ToListAsync(cancellationToken))
            .Where(a => inScope.Contains(a.CrmId)).ToList();
        if (pending.Count == 0) return [];
        var results = await DecideAccountsAsync(contractId, pending.Where(a => a.Match.IsAutomatic).ToList(), cancellationToken);
        foreach (var account in pending)
        {
            account.MatchPending = false;
            if (!account.Match.IsAutomatic) continue;
            var result = results.GetValueOrDefault(account.Id);
            account.CompanyId = result?.CrmId is { } companyId ? Guid.Parse(companyId) : null;
            account.Match = Decision(result, "company");
        }
        return pending;
    }

    /// <summary>
    /// The engine's decision for each contact (by record id) against the directory people no other CRM record holds:
    /// the people are indexed (the engine's "CRM" side) and each contact looks for its person, so every contact gets a
    /// decision and an explanation of its own. Writes nothing (the preview uses it too).
    /// </summary>
    public async Task<Dictionary<Guid, MatchResult>> DecideContactsAsync(Guid contractId, IReadOnlyList<CrmContactRecord> contacts, CancellationToken cancellationToken)
    {
        if (contacts.Count == 0) return [];
        var held = await HeldElsewhereAsync(db.CrmContacts.Where(c => c.ContractId == contractId && c.PersonId != null && !c.RemovedFromCrm)
            .Select(c => new Tie(c.Id, c.PersonId!.Value)), contacts.Select(c => c.Id), cancellationToken);
        var records = contacts.Select(c => new PersonRecord(c.Id.ToString())
        {
            FirstName = c.FirstName, LastName = c.LastName, Email = c.Email, Company = c.CompanyName, JobTitle = c.JobTitle,
            Phone = c.Phone, City = c.City, Country = c.Country,
        }).ToList();
        var people = await new DirectoryCandidates(db, contractId).PeopleAsync(records, held, cancellationToken);
        return people.Count == 0 ? [] : new PeopleMatcher(options).Match(people, records, cancellationToken: cancellationToken).Results.ToDictionary(r => Guid.Parse(r.LeadId));
    }

    /// <summary>The engine's decision for each account (by record id), as <see cref="DecideContactsAsync"/> does for contacts.</summary>
    public async Task<Dictionary<Guid, MatchResult>> DecideAccountsAsync(Guid contractId, IReadOnlyList<CrmAccountRecord> accounts, CancellationToken cancellationToken)
    {
        if (accounts.Count == 0) return [];
        var held = await HeldElsewhereAsync(db.CrmAccounts.Where(a => a.ContractId == contractId && a.CompanyId != null && !a.RemovedFromCrm)
            .Select(a => new Tie(a.Id, a.CompanyId!.Value)), accounts.Select(a => a.Id), cancellationToken);
        var records = accounts.Select(a => new CompanyRecord(a.Id.ToString())
        {
            Name = a.Name, Website = a.Website, Phone = a.Phone, City = a.City, State = a.Region, Country = a.Country,
        }).ToList();
        var companies = await new DirectoryCandidates(db, contractId).CompaniesAsync(records, held, cancellationToken);
        return companies.Count == 0 ? [] : new CompanyMatcher(options).Match(companies, records, cancellationToken: cancellationToken).Results.ToDictionary(r => Guid.Parse(r.LeadId));
    }

    /// <summary>Directory records other CRM records hold (one-to-one): not offered to the pending ones.</summary>
    private static async Task<HashSet<Guid>> HeldElsewhereAsync(IQueryable<Tie> ties, IEnumerable<Guid> pendingIds, CancellationToken cancellationToken)
    {
        var pending = pendingIds.ToHashSet();
        return (await ties.ToListAsync(cancellationToken)).Where(t => !pending.Contains(t.RecordId)).Select(t => t.TargetId).ToHashSet();
    }

    private static CrmMatch Decision(MatchResult? result, string counterpart) => result switch
    {
        null => new CrmMatch { State = CrmMatchState.Unmatched, Score = 0, Summary = $"The workspace has no {counterpart} left to compare it with." },
        { CrmId: not null } => new CrmMatch { State = CrmMatchState.Matched, Score = result.Score, Summary = ColumnFit.Shortened(result.Explanation.Summary, CrmMatch.MaxSummaryLength),
            Evidence = MatchEvidence.Write(result.Explanation.Evidence) },
        _ => new CrmMatch { State = CrmMatchState.Unmatched, Score = result.Score, Summary = ColumnFit.Shortened(result.Explanation.Summary, CrmMatch.MaxSummaryLength),
            Evidence = MatchEvidence.Write(result.Explanation.Evidence) },
    };

    private sealed record Tie(Guid RecordId, Guid TargetId);
}
