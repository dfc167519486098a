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
/// <param name="kept">The weights the last runs kept (<see cref="MatchModels"/>); null: none, every matching learns its own.</param>
internal sealed class RecordMatching(SalesBridgeDbContext db, MatchingOptions? options = null, MatchModels? kept = null)
{
    /// <summary>The weights to keep for the next runs: learned by this run's matching against the whole directory, else those it was given.</summary>
    public MatchModels Models { get; } = new() { People = kept?.People, Companies = kept?.Companies };

    /// <summary>The columns matching changes, for saving the records in bulk.</summary>
    public static readonly IReadOnlyCollection<string> ContactColumns = [nameof(CrmContactRecord.PersonId), nameof(CrmContactRecord.MatchPending),
        nameof(CrmMatch.State), nameof(CrmMatch.Score), nameof(CrmMatch.Summary), nameof(CrmMatch.Evidence)];

    public static readonly IReadOnlyCollection<string> AccountColumns = [nameof(CrmAccountRecord.CompanyId), nameof(CrmAccountRecord.MatchPending),
        nameof(CrmMatch.State), nameof(CrmMatch.Score), nameof(CrmMatch.Summary), nameof(CrmMatch.Evidence)];

    /// <param name="onlyInScope">
    /// True when <paramref name="inScope"/> is a few records (a run comparing only touched ones): the database picks them
    /// instead of every pending record being read. Either way only pending records in scope are matched.
    /// </param>
    public async Task<IReadOnlyList<CrmContactRecord>> MatchContactsAsync(Guid contractId, IReadOnlySet<Guid> inScope, CancellationToken cancellationToken,
        bool onlyInScope = false)
    {
        var query = db.CrmContacts.AsNoTracking().Where(c => c.ContractId == contractId && c.MatchPending && !c.RemovedFromCrm);
        if (onlyInScope)
        {
            var ids = inScope.ToList();
            query = query.Where(c => ids.Contains(c.CrmId));
        }
        // Only what matching compares and what saving writes back: the whole records (search text, last summaries)
        // of a first run's hundred thousand contacts would take more memory than the matching itself.
        var pending = new List<CrmContactRecord>();
        var pool = new TextPool();
        await foreach (var c in query.Select(c => new
            {
                c.Id, c.CrmId, c.FirstName, c.LastName, c.Email, c.CompanyName, c.JobTitle, c.Phone, c.City, c.Country, c.PersonId,
                c.Match.State, c.Match.Score, Summary = c.Match.State == CrmMatchState.ChosenByUser ? c.Match.Summary : null,
            }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!inScope.Contains(c.CrmId)) continue;
            pending.Add(new CrmContactRecord
            {
                Id = c.Id, ContractId = contractId, CrmId = c.CrmId, FirstName = pool.Of(c.FirstName), LastName = pool.Of(c.LastName), Email = c.Email,
                CompanyName = pool.Of(c.CompanyName), JobTitle = pool.Of(c.JobTitle), Phone = c.Phone, City = pool.Of(c.City), Country = pool.Of(c.Country), PersonId = c.PersonId,
                Match = new CrmMatch { State = c.State, Score = c.Score, Summary = c.Summary },
            });
        }
        if (pending.Count == 0) return [];
        var results = await DecideContactsAsync(contractId, pending.Where(c => c.Match.IsAutomatic).ToList(), cancellationToken);
        // The engine's records, index and candidates died with its run; gone before the decisions are turned into records.
        MatchingMemory.Release(pending.Count);
        // What saving writes back (the matching columns), without the compared texts, which can go now.
        return pending.Select(contact =>
        {
            var result = results.GetValueOrDefault(contact.Id);
            return new CrmContactRecord
            {
                Id = contact.Id, ContractId = contractId, CrmId = contact.CrmId, MatchPending = false,
                PersonId = !contact.Match.IsAutomatic ? contact.PersonId : result?.CrmId is { } personId ? Guid.Parse(personId) : null,
                Match = !contact.Match.IsAutomatic ? contact.Match : Decision(result, "person"),
            };
        }).ToList();
    }

    /// <param name="onlyInScope">As for <see cref="MatchContactsAsync"/>.</param>
    public async Task<IReadOnlyList<CrmAccountRecord>> MatchAccountsAsync(Guid contractId, IReadOnlySet<Guid> inScope, CancellationToken cancellationToken,
        bool onlyInScope = false)
    {
        var query = db.CrmAccounts.AsNoTracking().Where(a => a.ContractId == contractId && a.MatchPending && !a.RemovedFromCrm);
        if (onlyInScope)
        {
            var ids = inScope.ToList();
            query = query.Where(a => ids.Contains(a.CrmId));
        }
        var pending = new List<CrmAccountRecord>();
        await foreach (var a in query.Select(a => new
            {
                a.Id, a.CrmId, a.Name, a.Website, a.Phone, a.City, a.Region, a.Country, a.CompanyId,
                a.Match.State, a.Match.Score, Summary = a.Match.State == CrmMatchState.ChosenByUser ? a.Match.Summary : null,
            }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!inScope.Contains(a.CrmId)) continue;
            pending.Add(new CrmAccountRecord
            {
                Id = a.Id, ContractId = contractId, CrmId = a.CrmId, Name = a.Name, Website = a.Website, Phone = a.Phone, City = a.City, Region = a.Region,
                Country = a.Country, CompanyId = a.CompanyId, Match = new CrmMatch { State = a.State, Score = a.Score, Summary = a.Summary },
            });
        }
        if (pending.Count == 0) return [];
        var results = await DecideAccountsAsync(contractId, pending.Where(a => a.Match.IsAutomatic).ToList(), cancellationToken);
        return pending.Select(account =>
        {
            var result = results.GetValueOrDefault(account.Id);
            return new CrmAccountRecord
            {
                Id = account.Id, ContractId = contractId, CrmId = account.CrmId, MatchPending = false,
                CompanyId = !account.Match.IsAutomatic ? account.CompanyId : result?.CrmId is { } companyId ? Guid.Parse(companyId) : null,
                Match = !account.Match.IsAutomatic ? account.Match : Decision(result, "company"),
            };
        }).ToList();
    }

    /// <summary>
    /// The engine's decision for each contact (by record id) against the directory people no other CRM record holds:
    /// the people are indexed (the engine's "CRM" side) and each contact looks for its person, so every contact gets a
    /// decision and an explanation of its own. Writes nothing (the preview uses it too).
    /// </summary>
    public async Task<Dictionary<Guid, MatchResult>> DecideContactsAsync(Guid contractId, IReadOnlyList<CrmContactRecord> contacts, CancellationToken cancellationToken)
    {
        if (contacts.Count == 0) return [];
        var pendingIds = contacts.Select(c => c.Id).ToHashSet();
        var held = new HeldElsewhere(pendingIds, among =>
        {
            var ties = db.CrmContacts.Where(c => c.PersonId != null && !c.RemovedFromCrm);
            // Among a pre-selection: found on the person index alone (the contract checked on each row read; see HeldElsewhere).
            ties = among is null ? ties.Where(c => c.ContractId == contractId) : ties.Where(c => EF.Parameter(among).Contains(c.PersonId!.Value));
            return ties.Select(c => new HeldElsewhere.Tie(c.Id, c.ContractId, c.PersonId!.Value));
        });
        var records = contacts.Select(c => new PersonRecord(c.Id.ToString())
        {
            FirstName = c.FirstName, LastName = c.LastName, Email = c.Email, Company = c.CompanyName, JobTitle = c.JobTitle,
            Phone = c.Phone, City = c.City, Country = c.Country,
        }).ToList();
        var tiedBefore = contacts.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value).ToHashSet();
        var people = await new DirectoryCandidates(db, contractId).PeopleAsync(records, held, tiedBefore, Models.People is not null, cancellationToken);
        if (people.Records.Count == 0) return [];
        var run = new PeopleMatcher(WithModel(people.Whole ? null : Models.People)).Match(people.Records, records, cancellationToken: cancellationToken);
        if (people.Whole) Models.People = run.Fitted;
        return run.Results.ToDictionary(r => Guid.Parse(r.LeadId));
    }

    /// <summary>The engine's decision for each account (by record id), as <see cref="DecideContactsAsync"/> does for contacts.</summary>
    public async Task<Dictionary<Guid, MatchResult>> DecideAccountsAsync(Guid contractId, IReadOnlyList<CrmAccountRecord> accounts, CancellationToken cancellationToken)
    {
        if (accounts.Count == 0) return [];
        var pendingIds = accounts.Select(a => a.Id).ToHashSet();
        var held = new HeldElsewhere(pendingIds, among =>
        {
            var ties = db.CrmAccounts.Where(a => a.CompanyId != null && !a.RemovedFromCrm);
            ties = among is null ? ties.Where(a => a.ContractId == contractId) : ties.Where(a => EF.Parameter(among).Contains(a.CompanyId!.Value));
            return ties.Select(a => new HeldElsewhere.Tie(a.Id, a.ContractId, a.CompanyId!.Value));
        });
        var records = accounts.Select(a => new CompanyRecord(a.Id.ToString())
        {
            Name = a.Name, Website = a.Website, Phone = a.Phone, City = a.City, State = a.Region, Country = a.Country,
        }).ToList();
        var tiedBefore = accounts.Where(a => a.CompanyId is not null).Select(a => a.CompanyId!.Value).ToHashSet();
        var companies = await new DirectoryCandidates(db, contractId).CompaniesAsync(records, held, tiedBefore, cancellationToken);
        if (companies.Records.Count == 0) return [];
        var run = new CompanyMatcher(WithModel(companies.Whole ? null : Models.Companies)).Match(companies.Records, records, cancellationToken: cancellationToken);
        if (companies.Whole) Models.Companies = run.Fitted;
        return run.Results.ToDictionary(r => Guid.Parse(r.LeadId));
    }

    /// <summary>
    /// The options with a kept model (null: learn from the data), the rest as given, without twin leads: here the leads
    /// are CRM contacts, and two contacts of one person must not both be tied to one workspace person (each person's
    /// activities go to one contact, and a delta run re-matches a changed contact alone, without its twin). Duplicate
    /// contacts stay visible in the admin's unmatched list instead.
    /// </summary>
    private MatchingOptions WithModel(FittedModel? model)
    {
        var given = options ?? new MatchingOptions();
        return new MatchingOptions
        {
            Threshold = given.Threshold, RunnersUp = given.RunnersUp, OneToOne = given.OneToOne, Fitted = model ?? given.Fitted, ReleaseMemoryBetweenSteps = true,
            LinkLeadDuplicates = false, CandidateKeepShare = given.CandidateKeepShare,
        };
    }

    private static CrmMatch Decision(MatchResult? result, string counterpart) => result switch
    {
        null => new CrmMatch { State = CrmMatchState.Unmatched, Score = 0, Summary = $"The workspace has no {counterpart} left to compare it with." },
        { CrmId: not null } => new CrmMatch { State = CrmMatchState.Matched, Score = result.Score, Summary = ColumnFit.Shortened(result.Explanation.Summary, CrmMatch.MaxSummaryLength),
            Evidence = MatchEvidence.Write(result.Explanation.Evidence) },
        _ => new CrmMatch { State = CrmMatchState.Unmatched, Score = result.Score, Summary = ColumnFit.Shortened(result.Explanation.Summary, CrmMatch.MaxSummaryLength),
            Evidence = MatchEvidence.Write(result.Explanation.Evidence) },
    };
}
