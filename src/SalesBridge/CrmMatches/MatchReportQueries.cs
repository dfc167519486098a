using SalesBridge.CrmImport;
using SalesBridge.Errors;
using SalesBridge.Persistence;

namespace SalesBridge.CrmMatches;

/// <summary>
/// The report's rows per kind, filtered and in review order (states are stored as text, so the order is spelled out): unmatched first (the review queue), then automatic
/// matches, then people's choices; by name within each. Both the page and the CSV read these, so they always agree.
/// </summary>
internal static class MatchReportQueries
{
    public static IQueryable<MatchReportRow> Contacts(SalesBridgeDbContext db, Guid contractId, CrmMatchState? state) =>
        db.CrmContacts.Where(c => c.ContractId == contractId && !c.RemovedFromCrm && (state == null || c.Match.State == state))
            .OrderBy(c => c.Match.State == CrmMatchState.Unmatched ? 0 : c.Match.State == CrmMatchState.Matched ? 1 : 2).ThenBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id)
            .Select(c => new MatchReportRow(CrmRecordKind.Contact, c.Id, c.CrmId, ((c.FirstName ?? "") + " " + (c.LastName ?? "")).Trim(), c.CompanyName ?? c.Email,
                c.Match.State, c.Match.Score, c.PersonId, db.People.Where(p => p.Id == c.PersonId).Select(p => p.FirstName + " " + p.LastName).FirstOrDefault(),
                c.Match.Summary, db.SavedLeads.Count(l => l.CrmContactId == c.Id)) { StoredEvidence = c.Match.Evidence });

    public static IQueryable<MatchReportRow> Accounts(SalesBridgeDbContext db, Guid contractId, CrmMatchState? state) =>
        db.CrmAccounts.Where(a => a.ContractId == contractId && !a.RemovedFromCrm && (state == null || a.Match.State == state))
            .OrderBy(a => a.Match.State == CrmMatchState.Unmatched ? 0 : a.Match.State == CrmMatchState.Matched ? 1 : 2).ThenBy(a => a.Name).ThenBy(a => a.Id)
            .Select(a => new MatchReportRow(CrmRecordKind.Account, a.Id, a.CrmId, a.Name, a.Website ?? a.City,
                a.Match.State, a.Match.Score, a.CompanyId, db.Companies.Where(c => c.Id == a.CompanyId).Select(c => c.Name).FirstOrDefault(),
                a.Match.Summary, db.SavedAccounts.Count(s => s.CrmAccountId == a.Id)) { StoredEvidence = a.Match.Evidence });

    /// <exception cref="RequestValidationException">An unknown state or kind.</exception>
    public static CrmMatchState? State(string? state) => state?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" => null,
        "unmatched" => CrmMatchState.Unmatched,
        "matched" => CrmMatchState.Matched,
        "chosen" => CrmMatchState.ChosenByUser,
        _ => throw new RequestValidationException("state", "state must be unmatched, matched or chosen (or left out for all)."),
    };

    /// <exception cref="RequestValidationException">An unknown kind.</exception>
    public static CrmRecordKind? Kind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" => null,
        "contact" or "contacts" => CrmRecordKind.Contact,
        "account" or "accounts" => CrmRecordKind.Account,
        _ => throw new RequestValidationException("kind", "kind must be contact or account (or left out for both)."),
    };
}
