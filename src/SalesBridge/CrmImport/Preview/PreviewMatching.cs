using Microsoft.EntityFrameworkCore;
using SalesBridge.Matching;
using SalesBridge.Persistence;

namespace SalesBridge.CrmImport.Preview;

/// <summary>A CRM record in the preview: the record a run would keep (<see cref="RecordId"/>: the existing mirror row's id, or a new one) and its match.</summary>
internal sealed record PreviewTie(Guid CrmId, Guid RecordId, string Name, Guid? TargetId, double? Score, CrmMatchState State);

/// <summary>
/// Matches the previewed accounts and contacts the way a run would (SPEC S11), in memory: a record the import already
/// holds keeps its match unless a compared field changed (the rows' own <c>CopyTo</c> decides, on copies that are never
/// tracked or saved); a choice made by a person is kept; the rest are matched against the directory records no other
/// CRM record holds, by the run's own <see cref="RecordMatching"/> decisions (which write nothing).
/// </summary>
internal sealed class PreviewMatching(SalesBridgeDbContext db, MatchingOptions? options = null)
{
    private const int IdsPerQuery = 5_000;

    public async Task<Dictionary<Guid, PreviewTie>> ContactsAsync(Guid contractId, IReadOnlyList<ContactRow> rows, CancellationToken cancellationToken)
    {
        var existing = await InSlicesAsync(rows.Select(r => r.CrmId), ids => db.CrmContacts.AsNoTracking()
            .Where(c => c.ContractId == contractId && ids.Contains(c.CrmId)), cancellationToken);
        var byCrmId = existing.ToDictionary(c => c.CrmId);
        var records = rows.Select(row =>
        {
            var record = byCrmId.GetValueOrDefault(row.CrmId) ?? new CrmContactRecord { ContractId = contractId, CrmId = row.CrmId };
            row.CopyTo(record);
            return record;
        }).ToList();
        var pending = records.Where(r => r.MatchPending && r.Match.IsAutomatic).ToList();
        var pendingIds = pending.Select(r => r.Id).ToHashSet();
        var results = await new RecordMatching(db, options).DecideContactsAsync(contractId, pending, cancellationToken);
        return records.ToDictionary(r => r.CrmId, r => Tie(r.CrmId, r.Id, r.FullName, r.PersonId, r.Match, pendingIds.Contains(r.Id), results.GetValueOrDefault(r.Id)));
    }

    public async Task<Dictionary<Guid, PreviewTie>> AccountsAsync(Guid contractId, IReadOnlyList<AccountRow> rows, CancellationToken cancellationToken)
    {
        var existing = await InSlicesAsync(rows.Select(r => r.CrmId), ids => db.CrmAccounts.AsNoTracking()
            .Where(a => a.ContractId == contractId && ids.Contains(a.CrmId)), cancellationToken);
        var byCrmId = existing.ToDictionary(a => a.CrmId);
        var records = rows.Select(row =>
        {
            var record = byCrmId.GetValueOrDefault(row.CrmId) ?? new CrmAccountRecord { ContractId = contractId, CrmId = row.CrmId };
            row.CopyTo(record);
            return record;
        }).ToList();
        var pending = records.Where(r => r.MatchPending && r.Match.IsAutomatic).ToList();
        var pendingIds = pending.Select(r => r.Id).ToHashSet();
        var results = await new RecordMatching(db, options).DecideAccountsAsync(contractId, pending, cancellationToken);
        return records.ToDictionary(r => r.CrmId, r => Tie(r.CrmId, r.Id, r.Name, r.CompanyId, r.Match, pendingIds.Contains(r.Id), results.GetValueOrDefault(r.Id)));
    }

    /// <summary>A pending record takes the matcher's decision (none when the directory had nothing left); others keep theirs.</summary>
    private static PreviewTie Tie(Guid crmId, Guid recordId, string name, Guid? target, CrmMatch match, bool pending, MatchResult? result) => !pending
        ? new PreviewTie(crmId, recordId, name, target, match.Score, target is null && match.State != CrmMatchState.ChosenByUser ? CrmMatchState.Unmatched : match.State)
        : result?.CrmId is { } matched
            ? new PreviewTie(crmId, recordId, name, Guid.Parse(matched), result.Score, CrmMatchState.Matched)
            : new PreviewTie(crmId, recordId, name, null, result?.Score ?? 0, CrmMatchState.Unmatched);

    private static async Task<List<T>> InSlicesAsync<T>(IEnumerable<Guid> ids, Func<List<Guid>, IQueryable<T>> query, CancellationToken cancellationToken)
    {
        var found = new List<T>();
        foreach (var slice in ids.Distinct().Chunk(IdsPerQuery)) found.AddRange(await query([.. slice]).ToListAsync(cancellationToken));
        return found;
    }
}
