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
        return new MatchReport(page, [await TotalsAsync(db.CrmContacts.Where(c => c.ContractId == caller.ContractId && !c.RemovedFromCrm).Select(c => new StateAndTie(c.Match.State, c.PersonId != null)), CrmRecordKind.Contact, cancellationToken),
            await TotalsAsync(db.CrmAccounts.Where(a => a.ContractId == caller.ContractId && !a.RemovedFromCrm).Select(a => new StateAndTie(a.Match.State, a.CompanyId != null)), CrmRecordKind.Account, cancellationToken)]);
    }

    private sealed record StateAndTie(CrmMatchState State, bool Tied);

    private static async Task<MatchTotals> TotalsAsync(IQueryable<StateAndTie> records, CrmRecordKind kind, CancellationToken cancellationToken)
    {
        var counts = await records.GroupBy(r => new { r.State, r.Tied }).Select(g => new { g.Key.State, g.Key.Tied, Count = g.Count() })
            .ToListAsync(cancellationToken);
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
