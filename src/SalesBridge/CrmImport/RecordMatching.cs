using Microsoft.EntityFrameworkCore;
using SalesBridge.Matching;
using SalesBridge.Persistence;

namespace SalesBridge.CrmImport;

/// <summary>
/// Ties the CRM records a run brings in to workspace people and companies (SPEC S11) with the matching engine: records
/// that are new or changed in a compared field, against the directory records no other CRM record holds (one-to-one).
/// A choice a seat holder or admin made (<see cref="CrmMatchState.ChosenByUser"/>) is kept. Changes are made on
/// tracked records; the run saves them with everything else in its last step.
/// </summary>
internal sealed class RecordMatching(SalesBridgeDbContext db, MatchingOptions? options = null)
{
    private const int MaxRecordsPerQuery = 20_000;

    public async Task<int> MatchContactsAsync(Guid contractId, IReadOnlySet<Guid> inScope, CancellationToken cancellationToken)
    {
        var pending = await InSlicesAsync(inScope,
            ids => db.CrmContacts.Where(c => c.ContractId == contractId && c.MatchPending && !c.RemovedFromCrm && ids.Contains(c.CrmId)), cancellationToken);
        if (pending.Count == 0) return 0;
        var automatic = pending.Where(c => c.Match.IsAutomatic).ToList();
        var pendingIds = automatic.Select(c => c.Id).ToHashSet();
        var heldElsewhere = (await db.CrmContacts.Where(c => c.ContractId == contractId && c.PersonId != null && !c.RemovedFromCrm)
            .Select(c => new { c.Id, c.PersonId }).ToListAsync(cancellationToken))
            .Where(c => !pendingIds.Contains(c.Id)).Select(c => c.PersonId!.Value).ToHashSet();
        var people = (await db.People.AsNoTracking().Where(p => p.ContractId == contractId)
                .Select(p => new PersonRecord(p.Id.ToString())
                {
                    FirstName = p.FirstName, LastName = p.LastName, Email = p.Email, Company = p.CompanyName, JobTitle = p.Title,
                    Phone = p.Phone, City = p.City, State = p.Region, Country = p.Country,
                }).ToListAsync(cancellationToken))
            .Where(p => !heldElsewhere.Contains(Guid.Parse(p.Id))).ToList();
        var records = automatic.Select(c => new PersonRecord(c.Id.ToString())
        {
            FirstName = c.FirstName, LastName = c.LastName, Email = c.Email, Company = c.CompanyName, JobTitle = c.JobTitle,
            Phone = c.Phone, City = c.City, Country = c.Country,
        }).ToList();
        // The workspace people are indexed (the "CRM" side of the engine) and each pending record looks for its person,
        // so every record gets a decision and an explanation of its own.
        var results = people.Count == 0 || records.Count == 0 ? [] : new PeopleMatcher(options).Match(people, records, cancellationToken: cancellationToken).Results;
        var byRecord = results.ToDictionary(r => Guid.Parse(r.LeadId));
        foreach (var contact in pending)
        {
            contact.MatchPending = false;
            if (!contact.Match.IsAutomatic) continue;
            var result = byRecord.GetValueOrDefault(contact.Id);
            contact.PersonId = result?.CrmId is { } personId ? Guid.Parse(personId) : null;
            contact.Match = Decision(result, "person");
        }
        return pending.Count;
    }

    public async Task<int> MatchAccountsAsync(Guid contractId, IReadOnlySet<Guid> inScope, CancellationToken cancellationToken)
    {
        var pending = await InSlicesAsync(inScope,
            ids => db.CrmAccounts.Where(a => a.ContractId == contractId && a.MatchPending && !a.RemovedFromCrm && ids.Contains(a.CrmId)), cancellationToken);
        if (pending.Count == 0) return 0;
        var automatic = pending.Where(a => a.Match.IsAutomatic).ToList();
        var pendingIds = automatic.Select(a => a.Id).ToHashSet();
        var heldElsewhere = (await db.CrmAccounts.Where(a => a.ContractId == contractId && a.CompanyId != null && !a.RemovedFromCrm)
            .Select(a => new { a.Id, a.CompanyId }).ToListAsync(cancellationToken))
            .Where(a => !pendingIds.Contains(a.Id)).Select(a => a.CompanyId!.Value).ToHashSet();
        var companies = (await db.Companies.AsNoTracking().Where(c => c.ContractId == contractId)
                .Select(c => new CompanyRecord(c.Id.ToString()) { Name = c.Name, Website = c.Website, City = c.City, Country = c.Country })
                .ToListAsync(cancellationToken))
            .Where(c => !heldElsewhere.Contains(Guid.Parse(c.Id))).ToList();
        var records = automatic.Select(a => new CompanyRecord(a.Id.ToString())
        {
            Name = a.Name, Website = a.Website, Phone = a.Phone, City = a.City, State = a.Region, Country = a.Country,
        }).ToList();
        var results = companies.Count == 0 || records.Count == 0 ? [] : new CompanyMatcher(options).Match(companies, records, cancellationToken: cancellationToken).Results;
        var byRecord = results.ToDictionary(r => Guid.Parse(r.LeadId));
        foreach (var account in pending)
        {
            account.MatchPending = false;
            if (!account.Match.IsAutomatic) continue;
            var result = byRecord.GetValueOrDefault(account.Id);
            account.CompanyId = result?.CrmId is { } companyId ? Guid.Parse(companyId) : null;
            account.Match = Decision(result, "company");
        }
        return pending.Count;
    }

    private static CrmMatch Decision(MatchResult? result, string counterpart) => result switch
    {
        null => new CrmMatch { State = CrmMatchState.Unmatched, Score = 0, Summary = $"The workspace has no {counterpart} left to compare it with." },
        { CrmId: not null } => new CrmMatch { State = CrmMatchState.Matched, Score = result.Score, Summary = Cut(result.Explanation.Summary) },
        _ => new CrmMatch { State = CrmMatchState.Unmatched, Score = result.Score, Summary = Cut(result.Explanation.Summary) },
    };

    private static string Cut(string text) => text.Length <= CrmMatch.MaxSummaryLength ? text : text[..(CrmMatch.MaxSummaryLength - 1)] + "…";

    /// <summary>Records of the ids given, read in slices so each id list stays a sensible query parameter.</summary>
    private static async Task<List<T>> InSlicesAsync<T>(IReadOnlySet<Guid> ids, Func<List<Guid>, IQueryable<T>> query, CancellationToken cancellationToken)
    {
        var found = new List<T>();
        foreach (var slice in ids.Chunk(MaxRecordsPerQuery))
        {
            found.AddRange(await query([.. slice]).ToListAsync(cancellationToken));
        }
        return found;
    }
}
