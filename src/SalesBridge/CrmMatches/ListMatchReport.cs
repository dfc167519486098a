using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.CrmImport;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmMatches;

/// <summary>
/// Admin > CRM Sync > Matches (SPEC S11, B5): every CRM contact and account of the contract with its match, filtered by
/// state and kind and paged (no cap on how far), plus the totals per kind. Contacts come before accounts; a page that
/// spans both reads the tail of one and the head of the other, so no union query is needed.
/// </summary>
public sealed class ListMatchReport(SalesBridgeDbContext db) : IUseCase
{
    public sealed record Request : PageRequest
    {
        /// <summary>unmatched, matched or chosen; empty for all.</summary>
        public string? State { get; init; }

        /// <summary>contact or account; empty for both.</summary>
        public string? Kind { get; init; }
    }

    public async Task<MatchReport> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        RequestValidation.Validate(request);
        var state = MatchReportQueries.State(request.State);
        var kind = MatchReportQueries.Kind(request.Kind);
        var contacts = kind is null or CrmRecordKind.Contact ? MatchReportQueries.Contacts(db, caller.ContractId, state) : null;
        var accounts = kind is null or CrmRecordKind.Account ? MatchReportQueries.Accounts(db, caller.ContractId, state) : null;
        var contactCount = contacts is null ? 0 : await contacts.CountAsync(cancellationToken);
        var accountCount = accounts is null ? 0 : await accounts.CountAsync(cancellationToken);
        var rows = new List<MatchReportRow>();
        if (contacts is not null && request.Skip < contactCount)
        {
            rows.AddRange(await contacts.Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken));
        }
        if (accounts is not null && rows.Count < request.Size)
        {
            var skip = Math.Max(0, request.Skip - contactCount);
            rows.AddRange(await accounts.Skip(skip).Take(request.Size - rows.Count).ToListAsync(cancellationToken));
        }
        var page = new Page<MatchReportRow>(rows, request.PageNumber, request.Size, contactCount + accountCount);
        var contactStates = await db.CrmContacts.Where(c => c.ContractId == caller.ContractId && !c.RemovedFromCrm)
            .GroupBy(c => new { c.Match.State, Tied = c.PersonId != null }).Select(g => new StateCount(g.Key.State, g.Key.Tied, g.Count())).ToListAsync(cancellationToken);
        var accountStates = await db.CrmAccounts.Where(a => a.ContractId == caller.ContractId && !a.RemovedFromCrm)
            .GroupBy(a => new { a.Match.State, Tied = a.CompanyId != null }).Select(g => new StateCount(g.Key.State, g.Key.Tied, g.Count())).ToListAsync(cancellationToken);
        return new MatchReport(page, [Totals(contactStates, CrmRecordKind.Contact), Totals(accountStates, CrmRecordKind.Account)]);
    }

    private sealed record StateCount(CrmMatchState State, bool Tied, int Count);

    private static MatchTotals Totals(List<StateCount> counts, CrmRecordKind kind)
    {
        int Of(CrmMatchState state) => counts.Where(c => c.State == state).Sum(c => c.Count);
        var total = counts.Sum(c => c.Count);
        // Matched means tied to a workspace counterpart, automatically or by choice; a chosen "no match" is not.
        var tied = counts.Where(c => c.Tied).Sum(c => c.Count);
        return new MatchTotals(kind, total, Of(CrmMatchState.Matched), Of(CrmMatchState.ChosenByUser), Of(CrmMatchState.Unmatched))
        {
            PercentMatched = total == 0 ? 0 : Math.Round(100.0 * tied / total, 1),
        };
    }
}
